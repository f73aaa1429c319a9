package io.canhgac.event.recording;

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

/** The recording_export rows, with the media row of those that arrived; reads scoped by the camera's commune. */
@Repository
class RecordingExportRepository {

    /** An export as stored; {@code mediaSha256} and {@code mediaBytes} null until the file arrived. */
    record Row(UUID id, UUID incidentId, String cameraId, Instant from, Instant to, String askedBy, Instant askedAt,
               String failed, Instant holdReleasedAt, Long mediaBytes, String mediaSha256) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getObject("id", UUID.class),
            rs.getObject("incident_id", UUID.class), rs.getString("camera_id"), rs.getTimestamp("from_at").toInstant(),
            rs.getTimestamp("to_at").toInstant(), rs.getString("asked_by"), rs.getTimestamp("asked_at").toInstant(),
            rs.getString("failed"), instant(rs.getTimestamp("hold_released_at")),
            (Long) rs.getObject("size_bytes"), rs.getString("sha256"));

    private static final String SELECT = """
            SELECT r.*, m.size_bytes, m.sha256 FROM recording_export r JOIN camera c ON c.id = r.camera_id
                LEFT JOIN event_media m ON m.export_id = r.id
            """;

    private final JdbcTemplate jdbc;

    RecordingExportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The incident's status if the scope may see the incident (one of its alerts is in the scope's communes). */
    Optional<String> incidentStatus(CommuneScope scope, UUID incidentId) {
        StringBuilder sql = new StringBuilder("SELECT i.status FROM incident i WHERE i.id = ?");
        List<Object> args = new ArrayList<>(List.of(incidentId));
        if (!scope.wholeRegion()) {
            sql.append(" AND EXISTS (SELECT 1 FROM incident_commune ic WHERE ic.incident_id = i.id");
            scope.restrict(sql, args, "ic.commune_id");
            sql.append(")");
        }
        return jdbc.queryForList(sql.toString(), String.class, args.toArray()).stream().findFirst();
    }

    void insert(UUID id, UUID incidentId, String cameraId, Instant from, Instant to, String askedBy) {
        jdbc.update("INSERT INTO recording_export (id, incident_id, camera_id, from_at, to_at, asked_by) VALUES (?, ?, ?, ?, ?, ?)",
                id, incidentId, cameraId, Timestamp.from(from), Timestamp.from(to), askedBy);
    }

    void failed(UUID id, String why) {
        jdbc.update("UPDATE recording_export SET failed = ? WHERE id = ?", why, id);
    }

    void holdReleased(UUID id) {
        jdbc.update("UPDATE recording_export SET hold_released_at = now() WHERE id = ? AND hold_released_at IS NULL", id);
    }

    List<Row> ofIncident(CommuneScope scope, UUID incidentId) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE r.incident_id = ?");
        List<Object> args = new ArrayList<>(List.of(incidentId));
        scope.restrict(sql, args, "c.commune_id");
        sql.append(" ORDER BY r.asked_at, r.camera_id, r.id");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** Holds still kept at a gateway for incidents that are closed: to release, now or when the gateway is back. */
    List<Row> holdsToRelease() {
        return jdbc.query(SELECT + " JOIN incident i ON i.id = r.incident_id WHERE i.status = 'CLOSED'"
                + " AND r.hold_released_at IS NULL ORDER BY r.asked_at", ROW);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
