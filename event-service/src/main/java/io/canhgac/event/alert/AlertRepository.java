package io.canhgac.event.alert;

import io.canhgac.contract.EventType;
import io.canhgac.event.user.CommuneScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class AlertRepository {

    private static final String SELECT_VIEW = """
            SELECT a.*, c.name AS camera_name, c.commune_id, m.name AS commune_name,
                   (SELECT count(*) FROM alert_note n WHERE n.alert_id = a.id) AS notes
            FROM alert a JOIN camera c ON c.id = a.camera_id JOIN commune m ON m.id = c.commune_id
            WHERE true""";

    private static final RowMapper<AlertView> VIEW = (rs, n) -> {
        Timestamp handledAt = rs.getTimestamp("handled_at");
        return new AlertView(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("camera_id"), rs.getString("camera_name"), rs.getString("commune_id"),
                rs.getString("commune_name"), EventType.valueOf(rs.getString("kind")),
                rs.getTimestamp("raised_at").toInstant(), AlertState.valueOf(rs.getString("state")),
                rs.getString("handled_by"), handledAt == null ? null : handledAt.toInstant(), rs.getInt("notes"));
    };

    private final JdbcTemplate jdbc;

    AlertRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises an alert for the event unless it already has one; the new alert's id, if any. */
    Optional<UUID> raise(UUID eventId, String cameraId, EventType kind, Instant at) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                INSERT INTO alert (id, event_id, camera_id, kind, raised_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""", id, eventId, cameraId, kind.name(), Timestamp.from(at));
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Newest first, in the scope's communes, optionally in one state. */
    List<AlertView> find(CommuneScope scope, AlertState state, int limit) {
        StringBuilder sql = new StringBuilder(SELECT_VIEW);
        List<Object> args = new ArrayList<>();
        scope.restrict(sql, args, "c.commune_id");
        if (state != null) {
            sql.append(" AND a.state = ?");
            args.add(state.name());
        }
        sql.append(" ORDER BY a.raised_at DESC, a.id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), VIEW, args.toArray());
    }

    /** The alert if the scope allows its commune: another commune's alert does not exist for this user. */
    Optional<AlertView> find(CommuneScope scope, UUID id) {
        StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" AND a.id = ?");
        List<Object> args = new ArrayList<>(List.of(id));
        scope.restrict(sql, args, "c.commune_id");
        return jdbc.query(sql.toString(), VIEW, args.toArray()).stream().findFirst();
    }

    /** Clears the camera's unhandled offline alerts raised before it was seen online; their ids. */
    List<UUID> clearOffline(String cameraId, Instant onlineAt) {
        return jdbc.queryForList("""
                UPDATE alert SET state = 'CLEARED', handled_by = 'camera back online', handled_at = ?
                WHERE camera_id = ? AND kind = 'CAMERA_OFFLINE' AND state IN ('OPEN', 'ACKNOWLEDGED')
                  AND raised_at <= ?
                RETURNING id""", UUID.class, Timestamp.from(onlineAt), cameraId, Timestamp.from(onlineAt));
    }

    void setState(UUID id, AlertState state, String username) {
        jdbc.update("UPDATE alert SET state = ?, handled_by = ?, handled_at = now() WHERE id = ?", state.name(), username, id);
    }

    void addNote(UUID id, String username, String text) {
        jdbc.update("INSERT INTO alert_note (alert_id, username, text) VALUES (?, ?, ?)", id, username, text);
    }

    List<AlertNote> notes(UUID id) {
        return jdbc.query("SELECT at, username, text FROM alert_note WHERE alert_id = ? ORDER BY at, id",
                (rs, n) -> new AlertNote(rs.getTimestamp("at").toInstant(), rs.getString("username"), rs.getString("text")), id);
    }
}
