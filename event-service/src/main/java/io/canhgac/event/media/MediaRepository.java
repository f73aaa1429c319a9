package io.canhgac.event.media;

import io.canhgac.event.user.CommuneScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The event_media rows; reads are scoped by commune through the camera, like events and alerts. */
@Repository
class MediaRepository {

    /** A stored row with the path the file has under the media root. */
    record Stored(MediaView view, String path) {
    }

    private static final String SELECT = """
            SELECT m.*, c.commune_id FROM event_media m JOIN camera c ON c.id = m.camera_id
            """;

    private static final RowMapper<Stored> ROW = (rs, n) -> {
        UUID id = rs.getObject("id", UUID.class);
        return new Stored(new MediaView(id, rs.getObject("event_id", UUID.class), rs.getString("camera_id"),
                rs.getString("commune_id"), MediaKind.valueOf(rs.getString("kind")), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("captured_at").toInstant(),
                "/api/media/" + id), rs.getString("path"));
    };

    private final JdbcTemplate jdbc;

    MediaRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The camera of a stored event, or empty when the event is not (yet) stored. */
    Optional<String> eventCamera(UUID eventId) {
        return jdbc.query("SELECT camera_id FROM camera_event WHERE id = ?", (rs, n) -> rs.getString(1), eventId)
                .stream().findFirst();
    }

    /** The camera of a recording export the centre asked for, or empty when there is no such export. */
    Optional<String> exportCamera(UUID exportId) {
        return jdbc.query("SELECT camera_id FROM recording_export WHERE id = ?", (rs, n) -> rs.getString(1), exportId)
                .stream().findFirst();
    }

    /** The commune of a motion start the scope may see; empty for another kind, another commune or no such event. */
    Optional<String> communeOfMotion(CommuneScope scope, UUID eventId) {
        StringBuilder sql = new StringBuilder("SELECT c.commune_id FROM camera_event e JOIN camera c ON c.id = e.camera_id"
                + " WHERE e.id = ? AND e.type = 'MOTION_START'");
        List<Object> args = new ArrayList<>(List.of(eventId));
        scope.restrict(sql, args, "c.commune_id");
        return jdbc.queryForList(sql.toString(), String.class, args.toArray()).stream().findFirst();
    }

    /** Inserts the row unless its id is already stored; true if it was new. */
    boolean insertIfAbsent(MediaUpload upload, String path, long size) {
        boolean recording = upload.kind() == MediaKind.RECORDING;
        return jdbc.update("""
                INSERT INTO event_media (id, event_id, export_id, camera_id, kind, path, content_type, size_bytes, sha256, captured_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                // a recording belongs to its export (same id), not to a camera event
                upload.id(), recording ? null : upload.eventId(), recording ? upload.id() : null, upload.cameraId(), upload.kind().name(), path, upload.kind().contentType(),
                size, upload.sha256(), Timestamp.from(upload.capturedAt())) == 1;
    }

    /** Unscoped: for the ingest side, which must know whether an id is taken. */
    Optional<Stored> findById(UUID id) {
        return jdbc.query(SELECT + " WHERE m.id = ?", ROW, id).stream().findFirst();
    }

    Optional<Stored> find(CommuneScope scope, UUID id) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE m.id = ?");
        List<Object> args = new ArrayList<>(List.of(id));
        scope.restrict(sql, args, "c.commune_id");
        return jdbc.query(sql.toString(), ROW, args.toArray()).stream().findFirst();
    }

    /** The event's media, snapshot first, oldest first. */
    List<MediaView> forEvent(CommuneScope scope, UUID eventId) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE m.event_id = ?");
        List<Object> args = new ArrayList<>(List.of(eventId));
        scope.restrict(sql, args, "c.commune_id");
        sql.append(" ORDER BY m.kind DESC, m.captured_at, m.id");
        return jdbc.query(sql.toString(), ROW, args.toArray()).stream().map(Stored::view).toList();
    }
}
