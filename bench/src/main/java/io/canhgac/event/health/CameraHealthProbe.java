package io.canhgac.event.health;

import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;

/**
 * The benchmark's way into the package-private camera health: the service's own HealthRepository
 * bean, so a camera page's health is read exactly as GET /api/cameras/{id}/health reads it, but
 * up to a chosen instant (the benchmark's data ends at a fixed time, not now).
 */
public final class CameraHealthProbe {

    private final HealthRepository health;

    public CameraHealthProbe(ApplicationContext context) {
        this.health = context.getBean(HealthRepository.class);
    }

    /** The camera's last {@code days} days up to {@code to}; the number of listed entries. */
    public int health(String cameraId, Instant to, int days) {
        return health.health(cameraId, to.minus(Duration.ofDays(days)), to, days).entries().size();
    }
}
