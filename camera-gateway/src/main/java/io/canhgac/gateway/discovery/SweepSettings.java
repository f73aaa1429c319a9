package io.canhgac.gateway.discovery;

import java.time.Duration;

/**
 * How a unicast sweep paces itself.
 *
 * @param batchSize  probes sent before waiting for answers; small enough not to flood a slow commune link
 * @param answerWait how long to wait for answers after each batch; longer than the link's round trip
 */
public record SweepSettings(int batchSize, Duration answerWait) {

    /** A /24 in about four seconds over a link with up to a second of round trip. */
    public static final SweepSettings DEFAULTS = new SweepSettings(64, Duration.ofSeconds(1));

    public SweepSettings {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        if (answerWait == null || answerWait.isNegative() || answerWait.isZero()) {
            throw new IllegalArgumentException("answer wait must be positive, was " + answerWait);
        }
    }
}
