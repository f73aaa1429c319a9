package io.canhgac.event.user;

import io.canhgac.event.db.NotificationHandler;
import io.canhgac.event.db.PostgresNotifications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Sessions and access ended on one node, told to all through NOTIFY: each node then ends the streams
 * it holds ({@link SessionEnded}, {@link AccessWithdrawn} as local events). Not replayed: a node
 * that missed one (the database away) finds the sessions gone at its next stream check.
 */
@Component
public class AccessNotices implements NotificationHandler, LogoutHandler {

    static final String CHANNEL = "canhgac_access";
    private static final String USER = "user:";
    private static final String SESSION = "session:";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    AccessNotices(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void withdrawn(String username) {
        PostgresNotifications.send(jdbc, CHANNEL, USER + username);
    }

    void sessionEnded(String sessionId) {
        PostgresNotifications.send(jdbc, CHANNEL, SESSION + sessionId);
    }

    /** Logout: runs before the session is invalidated, while its id is known. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            sessionEnded(session.getId());
        }
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void notified(String payload) {
        if (payload.startsWith(USER)) {
            events.publishEvent(new AccessWithdrawn(payload.substring(USER.length())));
        } else if (payload.startsWith(SESSION)) {
            events.publishEvent(new SessionEnded(payload.substring(SESSION.length())));
        }
    }
}
