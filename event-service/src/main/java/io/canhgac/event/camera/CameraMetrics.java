package io.canhgac.event.camera;

import io.canhgac.contract.CameraStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Cameras by status for Prometheus ({@code canhgac_cameras{status="OFFLINE"}}), from the database.
 * One query serves the five gauges of a scrape: the counts are kept for a second.
 */
@Component
class CameraMetrics {

    private static final long KEEP_NANOS = 1_000_000_000L;

    private final JdbcTemplate jdbc;
    private Map<CameraStatus, Long> counts;
    private long countedAt;

    CameraMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        for (CameraStatus status : CameraStatus.values()) {
            Gauge.builder("canhgac.cameras", this, m -> m.count(status)).tag("status", status.name())
                    .description("Registered cameras, by last known status").register(registry);
        }
    }

    private synchronized long count(CameraStatus status) {
        long now = System.nanoTime();
        if (counts == null || now - countedAt > KEEP_NANOS) {
            Map<CameraStatus, Long> fresh = new EnumMap<>(CameraStatus.class);
            jdbc.query("SELECT status, count(*) AS n FROM camera GROUP BY status",
                    rs -> { fresh.put(CameraStatus.valueOf(rs.getString("status")), rs.getLong("n")); });
            counts = fresh;
            countedAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
