package io.canhgac.event.user;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The sessions table Spring Session keeps (V17): which of a node's streams still have a live session. */
@Component
public class SessionsInStore {

    private final JdbcTemplate jdbc;

    SessionsInStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of these session ids that are gone or expired, in one query. */
    public Set<String> absent(Collection<String> sessionIds) {
        Set<String> gone = new HashSet<>(sessionIds);
        gone.removeAll(jdbc.queryForList("""
                        SELECT trim(session_id) FROM spring_session WHERE session_id = ANY (?)
                          AND expiry_time > (extract(epoch FROM now()) * 1000)::bigint""", String.class,
                (Object) sessionIds.toArray(String[]::new)));
        return gone;
    }
}
