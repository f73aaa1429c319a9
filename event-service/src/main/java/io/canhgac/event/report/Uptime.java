package io.canhgac.event.report;

import io.canhgac.contract.CameraStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long a camera was ONLINE within a period, from the status it had when the period began
 * (carried over from the last health event before it, e.g. across midnight) and the status
 * changes within it.
 * <p>
 * Only ONLINE counts as up; DEGRADED, UNAUTHORIZED and OFFLINE count as down. Time before the
 * camera's first known status (no health event ever, or an UNKNOWN status) is UNKNOWN: it is
 * reported apart, and {@link #uptime()} counts it as not up (the whole period is the
 * denominator), while {@link #uptimeOfKnown()} leaves it out.
 */
public record Uptime(Duration period, Duration online, Duration down, Duration unknown) {

    /** A status change at an instant. */
    public record Change(Instant at, CameraStatus status) {
    }

    /**
     * @param initial the status at {@code from}; null or UNKNOWN when not known
     * @param changes changes in time order; those outside [from, to) are ignored
     */
    public static Uptime over(Instant from, Instant to, CameraStatus initial, List<Change> changes) {
        long online = 0;
        long down = 0;
        long unknown = 0;
        CameraStatus status = initial == null ? CameraStatus.UNKNOWN : initial;
        Instant since = from;
        for (Change change : changes) {
            if (change.at().isBefore(from) || !change.at().isBefore(to)) {
                continue;
            }
            long span = Duration.between(since, change.at()).toMillis();
            switch (kind(status)) {
                case 1 -> online += span;
                case 0 -> down += span;
                default -> unknown += span;
            }
            status = change.status();
            since = change.at();
        }
        long rest = Math.max(0, Duration.between(since, to).toMillis());
        switch (kind(status)) {
            case 1 -> online += rest;
            case 0 -> down += rest;
            default -> unknown += rest;
        }
        return new Uptime(Duration.ofMillis(online + down + unknown), Duration.ofMillis(online), Duration.ofMillis(down),
                Duration.ofMillis(unknown));
    }

    /** 1 up, 0 down, -1 unknown. */
    private static int kind(CameraStatus status) {
        return switch (status) {
            case ONLINE -> 1;
            case UNKNOWN -> -1;
            case DEGRADED, UNAUTHORIZED, OFFLINE -> 0;
        };
    }

    /** ONLINE time over the whole period (UNKNOWN counts as not up); null for an empty period. */
    public Double uptime() {
        return period.isZero() ? null : (double) online.toMillis() / period.toMillis();
    }

    /** ONLINE time over the time whose status is known; null when none is. */
    public Double uptimeOfKnown() {
        long known = online.toMillis() + down.toMillis();
        return known == 0 ? null : (double) online.toMillis() / known;
    }
}
