package io.canhgac.event.user;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open sessions of this server, so that a person's can be ended at once. Ending a session
 * publishes its destruction, which closes its SSE streams; live views are told by {@link AccessWithdrawn}.
 * The session objects are kept, not their ids: login changes a session's id, not the session.
 */
@Component
class SignedInSessions {

    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();
    private final ApplicationEventPublisher events;

    SignedInSessions(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void created(HttpSessionCreatedEvent created) {
        sessions.add(created.getSession());
    }

    @EventListener
    void destroyed(HttpSessionDestroyedEvent destroyed) {
        sessions.remove(destroyed.getSession());
    }

    /** Ends every session of the person and their live views; returns how many sessions ended. */
    int withdraw(String username) {
        int ended = end(username, null);
        events.publishEvent(new AccessWithdrawn(username));
        return ended;
    }

    /** Ends the person's sessions but the one they are using (a password change signs out the others). */
    int endOthers(String username, String keepSessionId) {
        return end(username, keepSessionId);
    }

    private int end(String username, String keepSessionId) {
        int ended = 0;
        for (HttpSession session : sessions) {
            try {
                if (username.equals(usernameOf(session)) && !session.getId().equals(keepSessionId)) {
                    session.invalidate();
                    ended++;
                }
            } catch (IllegalStateException alreadyInvalid) {
                sessions.remove(session);
            }
        }
        return ended;
    }

    private static String usernameOf(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication who = context instanceof SecurityContext c ? c.getAuthentication() : null;
        return who == null ? null : who.getName();
    }
}
