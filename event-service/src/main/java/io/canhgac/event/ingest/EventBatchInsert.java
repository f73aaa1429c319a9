package io.canhgac.event.ingest;

import io.canhgac.contract.CameraEvent;
import io.canhgac.event.events.EventRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A whole batch in one statement and one round trip: the columns go as arrays, {@code unnest}
 * turns them back into rows, and {@code RETURNING} says which ids were new.
 */
@Repository
class EventBatchInsert {

    private static final String INSERT = """
            INSERT INTO camera_event (id, camera_id, type, occurred_at, score, status, detail, started_at, boxes, gateway_id)
            SELECT b.id, b.camera_id, b.type, b.occurred_at, b.score, b.status, b.detail, b.started_at, b.boxes::jsonb, ?
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::float8[], ?::text[], ?::text[],
                        ?::timestamptz[], ?::text[])
                AS b (id, camera_id, type, occurred_at, score, status, detail, started_at, boxes)
            ON CONFLICT (id) DO NOTHING
            RETURNING id, received_at""";

    private final JdbcTemplate jdbc;

    EventBatchInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the events whose ids are not stored yet and answers those ids with the time each was
     * received. Rows go in id order, so
     * two deliveries of overlapping batches at once take their key locks in the same order and
     * cannot deadlock; the second waits, then finds the first's rows.
     */
    Map<UUID, Instant> insertNew(List<CameraEvent> batch, UUID gatewayId) {
        List<CameraEvent> rows = batch.stream().sorted(Comparator.comparing(CameraEvent::id)).toList();
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] cameras = new String[n];
        String[] types = new String[n];
        String[] times = new String[n];
        Double[] scores = new Double[n];
        String[] statuses = new String[n];
        String[] details = new String[n];
        String[] starts = new String[n];
        String[] boxes = new String[n];
        for (int i = 0; i < n; i++) {
            CameraEvent e = rows.get(i);
            ids[i] = e.id();
            cameras[i] = e.cameraId();
            types[i] = e.type().name();
            times[i] = e.occurredAt().toString(); // ISO-8601 in UTC, read exactly by timestamptz
            scores[i] = e.score();
            statuses[i] = e.status() == null ? null : e.status().name();
            details[i] = e.detail();
            starts[i] = e.startedAt() == null ? null : e.startedAt().toString();
            boxes[i] = EventRepository.boxesJson(e.boxes());
        }
        return jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setObject(1, gatewayId);
                ps.setArray(2, c.createArrayOf("uuid", ids));
                ps.setArray(3, c.createArrayOf("text", cameras));
                ps.setArray(4, c.createArrayOf("text", types));
                ps.setArray(5, c.createArrayOf("text", times));
                ps.setArray(6, c.createArrayOf("float8", scores));
                ps.setArray(7, c.createArrayOf("text", statuses));
                ps.setArray(8, c.createArrayOf("text", details));
                ps.setArray(9, c.createArrayOf("text", starts));
                ps.setArray(10, c.createArrayOf("text", boxes));
                Map<UUID, Instant> stored = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                    }
                }
                return stored;
            }
        });
    }
}
