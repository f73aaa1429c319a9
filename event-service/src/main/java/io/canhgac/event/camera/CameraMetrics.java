package io.canhgac.event.camera;

import io.canhgac.contract.CameraStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cameras by status for Prometheus ({@code canhgac_cameras{status="OFFLINE"}}), read from the
 * database at scrape time: a district has tens to hundreds of cameras, so a count per status is cheap,
 * and every node of a cluster reports the same.
 */
@Component
class CameraMetrics {

    CameraMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        for (CameraStatus status : CameraStatus.values()) {
            Gauge.builder("canhgac.cameras", jdbc,
                            j -> j.queryForObject("SELECT count(*) FROM camera WHERE status = ?", Long.class, status.name()))
                    .tag("status", status.name()).description("Registered cameras, by last known status").register(registry);
        }
    }
}
