package io.canhgac.gateway.recording;

import java.time.Duration;

/**
 * How gaps are filled from the cameras' own storage.
 *
 * @param maxRange          the most asked of a camera in one replay; a longer gap is fetched piece by piece
 * @param maxBytesPerSecond what one replay may read, so the commune's link keeps room for live streams
 * @param attempts          tries of a gap before it is given up as failed
 * @param firstRetry        the wait before the second try, doubled for each further one
 * @param ioTimeout         a camera silent this long has failed the try
 * @param threads           replays at once across the gateway (never more than one per camera)
 */
public record CardReplaySettings(Duration maxRange, long maxBytesPerSecond, int attempts, Duration firstRetry,
                                 Duration ioTimeout, int threads) {

    /** 10 minutes a fetch, 4 Mbit/s, 4 tries from 30 s apart, 2 at once. */
    public static final CardReplaySettings DEFAULTS = new CardReplaySettings(Duration.ofMinutes(10), 500_000, 4,
            Duration.ofSeconds(30), Duration.ofSeconds(10), 2);

    public CardReplaySettings {
        if (maxRange.isNegative() || maxRange.isZero() || maxBytesPerSecond <= 0 || attempts < 1 || threads < 1) {
            throw new IllegalArgumentException("replay settings out of range");
        }
    }

    public CardReplaySettings withRetries(int tries, Duration first) {
        return new CardReplaySettings(maxRange, maxBytesPerSecond, tries, first, ioTimeout, threads);
    }

    public CardReplaySettings withRate(long bytesPerSecond) {
        return new CardReplaySettings(maxRange, bytesPerSecond, attempts, firstRetry, ioTimeout, threads);
    }
}
