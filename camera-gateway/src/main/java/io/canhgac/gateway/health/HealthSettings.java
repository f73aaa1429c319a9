package io.canhgac.gateway.health;

import java.time.Duration;

/**
 * How often cameras are checked.
 *
 * @param interval      between checks of a healthy camera
 * @param retryInitial  the first retry after a failed check; doubles on each failure
 * @param retryMax      the cap of that backoff, so a camera that comes back is seen within this
 * @param confirmations failed checks in a row before a camera changes to a worse status, so one
 *                      lost packet on a mountain link does not page anyone; 1 reports at once
 */
public record HealthSettings(Duration interval, Duration retryInitial, Duration retryMax, int confirmations) {

    public static final HealthSettings DEFAULTS =
            new HealthSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(2), 2);

    public HealthSettings {
        for (Duration d : new Duration[] {interval, retryInitial, retryMax}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("health check durations must be positive, got " + d);
            }
        }
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("retryMax " + retryMax + " is shorter than retryInitial " + retryInitial);
        }
        if (confirmations < 1) {
            throw new IllegalArgumentException("confirmations must be at least 1, was " + confirmations);
        }
    }
}
