package io.canhgac.event.health;

import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One camera's health events, read with the (camera_id, occurred_at) index. The caller has checked
 * that the reader may see the camera.
 */
@Repository
class HealthRepository {

    /** Status changes; uptime is computed from these alone, as the daily report does. */
    private static final String STATUS = "type IN ('CAMERA_ONLINE', 'CAMERA_OFFLINE')";
    /** What the timeline lists: status changes and the camera's own tamper reports. */
    private static final String LISTED = "type IN ('CAMERA_ONLINE', 'CAMERA_OFFLINE', 'CAMERA_TAMPER_START', 'CAMERA_TAMPER_END')";

    private final JdbcTemplate jdbc;

    HealthRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The camera's health over [from, to): the status it carried in, and what happened within. */
    CameraHealth health(String cameraId, Instant from, Instant to, int days) {
        return CameraHealth.of(cameraId, from, to, days, statusBefore(cameraId, from).orElse(null), entries(cameraId, from, to));
    }

    /** The status the camera carries into {@code before}: its last status change before it. */
    Optional<CameraStatus> statusBefore(String cameraId, Instant before) {
        return jdbc.query("""
                        SELECT type, status, detail, occurred_at FROM camera_event
                        WHERE camera_id = ? AND %s AND occurred_at < ?
                        ORDER BY occurred_at DESC, received_at DESC LIMIT 1""".formatted(STATUS),
                (rs, n) -> entry(rs).status(), cameraId, Timestamp.from(before)).stream().findFirst();
    }

    /** Status changes and tamper reports within [from, to), oldest first. */
    List<CameraHealth.Entry> entries(String cameraId, Instant from, Instant to) {
        return jdbc.query("""
                        SELECT type, status, detail, occurred_at FROM camera_event
                        WHERE camera_id = ? AND %s AND occurred_at >= ? AND occurred_at < ?
                        ORDER BY occurred_at, received_at""".formatted(LISTED),
                (rs, n) -> entry(rs), cameraId, Timestamp.from(from), Timestamp.from(to));
    }

    /** A status change without a status is read from its type, as the daily report does; tamper reports carry none. */
    private static CameraHealth.Entry entry(ResultSet rs) throws SQLException {
        EventType type = EventType.valueOf(rs.getString("type"));
        String status = rs.getString("status");
        CameraStatus carried = status != null ? CameraStatus.valueOf(status)
                : type == EventType.CAMERA_ONLINE ? CameraStatus.ONLINE
                : type == EventType.CAMERA_OFFLINE ? CameraStatus.OFFLINE : null;
        return new CameraHealth.Entry(rs.getTimestamp("occurred_at").toInstant(), type, type.isHealth() ? carried : null,
                rs.getString("detail"));
    }
}
