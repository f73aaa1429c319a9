package io.canhgac.gateway.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How media crosses the link to the centre.
 *
 * @param chunkBytes          one resumable chunk (1 KiB to the centre's 1 MiB). Default 64 KiB: 2 s on the
 *                            wire at 256 kbit/s, the longest an alert's snapshot waits behind a clip and
 *                            the most a cut costs
 * @param budgetBitsPerSecond the gateway's budget for media on its link (a token bucket). Clips wait for it;
 *                            snapshots go at once but count against it. 0 = unlimited. Default 512 kbit/s
 * @param spoolMaxBytes       the spool's bound; beyond it the oldest clips are deleted (then snapshots, but
 *                            never one while any clip is left). Default 8 GiB: a day of a commune's clips
 * @param minFreeBytes        the disk space always left free on the spool's disk, same policy. Default 1 GiB
 * @param requestTimeout      one chunk or question to the centre. Default 30 s
 * @param poll                how often an idle uploader looks at the spool again. Default 1 s
 * @param retryInitial        first wait after the link or the centre failed. Default 250 ms
 * @param retryMax            the cap of that wait, at most 5 s so media goes again soon after the link
 *                            returns (a chunk costs one request: cheap to try). Default 5 s
 */
public record MediaUploadSettings(int chunkBytes, long budgetBitsPerSecond, long spoolMaxBytes, long minFreeBytes,
                                  Duration requestTimeout, Duration poll, Duration retryInitial, Duration retryMax) {

    /** The centre's largest chunk. */
    static final int MAX_CHUNK = 1 << 20;
    private static final Duration RETRY_CAP = Duration.ofSeconds(5);

    public static final MediaUploadSettings DEFAULTS = new MediaUploadSettings(64 << 10, 512_000, 8L << 30, 1L << 30,
            Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(250), RETRY_CAP);

    public MediaUploadSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(retryInitial, "retryInitial");
        Objects.requireNonNull(retryMax, "retryMax");
        if (chunkBytes < 1024 || chunkBytes > MAX_CHUNK) {
            throw new IllegalArgumentException("chunkBytes must be 1 KiB to 1 MiB, got " + chunkBytes);
        }
        if (budgetBitsPerSecond < 0) {
            throw new IllegalArgumentException("budgetBitsPerSecond must be 0 (unlimited) or more, got " + budgetBitsPerSecond);
        }
        if (spoolMaxBytes < 1 << 20 || minFreeBytes < 0) {
            throw new IllegalArgumentException("need spoolMaxBytes >= 1 MiB and minFreeBytes >= 0, got " + spoolMaxBytes + ", " + minFreeBytes);
        }
        if (!positive(requestTimeout) || !positive(poll) || !positive(retryInitial)
                || retryMax.compareTo(retryInitial) < 0 || retryMax.compareTo(RETRY_CAP) > 0) {
            throw new IllegalArgumentException("need positive timeout, poll and retry, retryInitial <= retryMax <= 5 s");
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /** The same with another budget: 0 for unlimited (the all-in-one's loopback). */
    public MediaUploadSettings withBudget(long bitsPerSecond) {
        return new MediaUploadSettings(chunkBytes, bitsPerSecond, spoolMaxBytes, minFreeBytes, requestTimeout, poll, retryInitial, retryMax);
    }
}
