package io.canhgac.event.events;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;
import io.canhgac.contract.MotionBox;
import io.canhgac.event.user.CommuneScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Repository
public class EventRepository {

    private static final String SELECT_VIEW = """
            SELECT e.*, c.name AS camera_name, c.commune_id, m.name AS commune_name
            FROM camera_event e JOIN camera c ON c.id = e.camera_id JOIN commune m ON m.id = c.commune_id
            """;

    private static final RowMapper<EventView> VIEW = (rs, n) -> {
        String status = rs.getString("status");
        return new EventView(rs.getObject("id", UUID.class), rs.getString("camera_id"), rs.getString("camera_name"),
                rs.getString("commune_id"), rs.getString("commune_name"), EventType.valueOf(rs.getString("type")),
                rs.getTimestamp("occurred_at").toInstant(), (Double) toDouble(rs.getObject("score")),
                status == null ? null : CameraStatus.valueOf(status), rs.getString("detail"),
                rs.getTimestamp("received_at").toInstant());
    };

    private final JdbcTemplate jdbc;

    EventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the event unless its id is already stored; true if it was new. */
    public boolean insertIfAbsent(CameraEvent e) {
        return jdbc.update("""
                INSERT INTO camera_event (id, camera_id, type, occurred_at, score, status, detail, started_at, boxes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO NOTHING""",
                e.id(), e.cameraId(), e.type().name(), Timestamp.from(e.occurredAt()), e.score(),
                e.status() == null ? null : e.status().name(), e.detail(),
                e.startedAt() == null ? null : Timestamp.from(e.startedAt()), boxesJson(e.boxes())) == 1;
    }

    /** Boxes as a JSON array; only numbers, so no mapper is needed. */
    public static String boxesJson(List<MotionBox> boxes) {
        if (boxes == null) {
            return null;
        }
        StringBuilder json = new StringBuilder("[");
        for (MotionBox b : boxes) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(String.format(Locale.ROOT, "{\"x\":%.4f,\"y\":%.4f,\"width\":%.4f,\"height\":%.4f}",
                    b.x(), b.y(), b.width(), b.height()));
        }
        return json.append(']').toString();
    }

    public List<EventView> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT_VIEW + " WHERE e.id = ANY (?) ORDER BY e.occurred_at",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())), VIEW);
    }

    /** Newest first, in the scope's communes, optionally for one camera and within [from, to). */
    public List<EventView> find(CommuneScope scope, String cameraId, Instant from, Instant to, int limit) {
        return find(scope, cameraId, null, from, to, limit);
    }

    /**
     * The incident log's page: newest first, in the scope's communes, optionally of one camera, of one
     * type, within [from, to). Indexes for it chosen by measurement with 10 M events (V6,
     * IncidentLogQueryBench in BENCHMARKS.md).
     */
    public List<EventView> find(CommuneScope scope, String cameraId, EventType type, Instant from, Instant to, int limit) {
        if (cameraId != null && !scope.wholeRegion() && !cameraInScope(scope, cameraId)) {
            // answered without the page query: with another commune's camera it found no row to
            // stop at and read that camera's whole history (seconds with 10 M events)
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" WHERE true");
        List<Object> args = new ArrayList<>();
        scope.restrict(sql, args, "c.commune_id");
        if (cameraId != null) {
            sql.append(" AND e.camera_id = ?");
            args.add(cameraId);
        }
        if (type != null) {
            sql.append(" AND e.type = ?");
            args.add(type.name());
        }
        if (from != null) {
            sql.append(" AND e.occurred_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND e.occurred_at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY e.occurred_at DESC, e.id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), VIEW, args.toArray());
    }

    private boolean cameraInScope(CommuneScope scope, String cameraId) {
        return jdbc.queryForList("SELECT commune_id FROM camera WHERE id = ?", String.class, cameraId).stream()
                .anyMatch(scope::allows);
    }

    private static Object toDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
