package io.canhgac.event.alert;

import io.canhgac.event.events.EventView;
import io.canhgac.event.user.CommuneScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** Camera alerts join their camera and commune; gateway alerts their gateway and the communes it holds. */
    private static final String SELECT_VIEW = """
            SELECT a.*, c.name AS camera_name, c.commune_id, m.name AS commune_name, g.name AS gateway_name,
                   ARRAY(SELECT b.commune_id FROM gateway_commune b WHERE b.gateway_id = a.gateway_id ORDER BY 1)
                       AS gateway_commune_ids,
                   ARRAY(SELECT n.name FROM gateway_commune b JOIN commune n ON n.id = b.commune_id
                         WHERE b.gateway_id = a.gateway_id ORDER BY b.commune_id) AS gateway_commune_names,
                   (SELECT count(*) FROM alert_note n WHERE n.alert_id = a.id) AS notes
            FROM alert a LEFT JOIN camera c ON c.id = a.camera_id LEFT JOIN commune m ON m.id = c.commune_id
                LEFT JOIN gateway g ON g.id = a.gateway_id
            WHERE true""";

    private static final RowMapper<AlertView> VIEW = (rs, n) -> {
        Timestamp handledAt = rs.getTimestamp("handled_at");
        Timestamp since = rs.getTimestamp("since");
        return new AlertView(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("camera_id"), rs.getString("camera_name"), rs.getString("commune_id"),
                rs.getString("commune_name"), AlertKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("raised_at").toInstant(), AlertState.valueOf(rs.getString("state")),
                rs.getString("handled_by"), handledAt == null ? null : handledAt.toInstant(), rs.getInt("notes"),
                rs.getObject("gateway_id", UUID.class), rs.getString("gateway_name"),
                communes(rs.getArray("gateway_commune_ids"), rs.getArray("gateway_commune_names")),
                since == null ? null : since.toInstant());
    };

    private static List<AlertView.GatewayCommune> communes(Array ids, Array names) throws SQLException {
        String[] i = ids == null ? new String[0] : (String[]) ids.getArray();
        String[] m = names == null ? new String[0] : (String[]) names.getArray();
        List<AlertView.GatewayCommune> communes = new ArrayList<>();
        for (int k = 0; k < i.length; k++) {
            communes.add(new AlertView.GatewayCommune(i[k], k < m.length ? m[k] : i[k]));
        }
        return communes;
    }

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
        restrict(scope, sql, args);
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
        restrict(scope, sql, args);
        sql.append(" ORDER BY a.raised_at, a.id");
        return jdbc.query(sql.toString(), VIEW, args.toArray());
    }

    /** The alert if the scope allows its commune: another commune's alert does not exist for this user. */
    Optional<AlertView> find(CommuneScope scope, UUID id) {
        StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" AND a.id = ?");
        List<Object> args = new ArrayList<>(List.of(id));
        restrict(scope, sql, args);
        return jdbc.query(sql.toString(), VIEW, args.toArray()).stream().findFirst();
    }

    /**
     * A camera alert in the scope's communes, or a gateway alert whose gateway holds one of them. A
     * limited scope with no commune matches nothing.
     */
    private static void restrict(CommuneScope scope, StringBuilder sql, List<Object> args) {
        if (!scope.wholeRegion()) {
            String[] communes = scope.communes().toArray(String[]::new);
            sql.append(" AND (c.commune_id = ANY (?) OR EXISTS (SELECT 1 FROM gateway_commune b"
                    + " WHERE b.gateway_id = a.gateway_id AND b.commune_id = ANY (?)))");
            args.add(communes);
            args.add(communes);
        }
    }

    /**
     * Raises the gateway's alert of this kind unless one is still unhandled (OPEN or ACKNOWLEDGED; the
     * partial unique index keeps it one even when two centre nodes race); the new alert's id.
     */
    Optional<UUID> raiseForGateway(UUID gatewayId, AlertKind kind, Instant raisedAt, Instant since) {
        return jdbc.queryForList("""
                INSERT INTO alert (id, gateway_id, kind, raised_at, since) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (gateway_id, kind) WHERE gateway_id IS NOT NULL AND state IN ('OPEN', 'ACKNOWLEDGED')
                DO NOTHING RETURNING id""", UUID.class, UUID.randomUUID(), gatewayId, kind.name(),
                Timestamp.from(raisedAt), since == null ? null : Timestamp.from(since)).stream().findFirst();
    }

    /** Clears the gateway's unhandled alerts of this kind, saying why; their ids. */
    List<UUID> clearForGateway(UUID gatewayId, AlertKind kind, String why, Instant at) {
        return jdbc.queryForList("""
                UPDATE alert SET state = 'CLEARED', handled_by = ?, handled_at = ?
                WHERE gateway_id = ? AND kind = ? AND state IN ('OPEN', 'ACKNOWLEDGED')
                RETURNING id""", UUID.class, why, Timestamp.from(at), gatewayId, kind.name());
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
