package io.canhgac.event.alert;

import io.canhgac.contract.EventType;
import io.canhgac.event.events.EventView;
import io.canhgac.event.user.CommuneScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * Raises an alert for each event that has none yet, all in one statement (an ingest batch may
     * hold hundreds); the new alerts' ids, each with the event that raised it. A re-delivered event
     * raises nothing (the unique event_id).
     */
    Map<UUID, EventView> raiseAll(List<EventView> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        UUID[] eventIds = new UUID[n];
        String[] cameras = new String[n];
        String[] kinds = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            EventView e = events.get(i);
            ids[i] = UUID.randomUUID();
            eventIds[i] = e.id();
            cameras[i] = e.cameraId();
            kinds[i] = e.type().name();
            times[i] = e.occurredAt().toString();
        }
        return jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO alert (id, event_id, camera_id, kind, raised_at)
                    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[])
                    ON CONFLICT (event_id) DO NOTHING RETURNING id""")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("uuid", eventIds));
                ps.setArray(3, c.createArrayOf("text", cameras));
                ps.setArray(4, c.createArrayOf("text", kinds));
                ps.setArray(5, c.createArrayOf("text", times));
                Map<UUID, EventView> byId = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    byId.put(ids[i], events.get(i));
                }
                Map<UUID, EventView> raised = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        raised.put(id, byId.get(id));
                    }
                }
                return raised;
            }
        });
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

    /** The alerts of these ids the scope allows, oldest first: one query for a whole batch. */
    List<AlertView> find(CommuneScope scope, Collection<UUID> ids) {
        StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" AND a.id = ANY (?)");
        List<Object> args = new ArrayList<>(List.of((Object) ids.toArray(UUID[]::new)));
        scope.restrict(sql, args, "c.commune_id");
        sql.append(" ORDER BY a.raised_at, a.id");
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
