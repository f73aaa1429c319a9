package io.canhgac.gateway.health;

import java.time.Duration;

/**
 * How camera events are pulled.
 *
 * @param lifetime     the subscription's lifetime; it is renewed at half of it
 * @param pullWait     how long each PullMessages may wait for events (the long poll)
 * @param retryInitial the first wait before recreating a lost subscription; doubles up to retryMax
 */
public record PullSettings(Duration lifetime, Duration pullWait, Duration retryInitial, Duration retryMax) {

    public static final PullSettings DEFAULTS =
            new PullSettings(Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMinutes(1));

    public PullSettings {
        for (Duration d : new Duration[] {lifetime, pullWait, retryInitial, retryMax}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("pull durations must be positive, got " + d);
            }
        }
        if (pullWait.compareTo(lifetime.dividedBy(2)) >= 0) {
            throw new IllegalArgumentException("pull wait " + pullWait + " must be under half the lifetime " + lifetime
                    + ", or the subscription expires during a pull");
        }
    }
}
