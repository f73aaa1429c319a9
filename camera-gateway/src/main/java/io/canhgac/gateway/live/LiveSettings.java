package io.canhgac.gateway.live;

import java.time.Duration;

/**
 * Tuning of the live server.
 *
 * @param ioTimeout          how long a camera may stay silent before its pull counts as broken
 * @param linger             how long a pull keeps running after its last viewer left (a page reload reuses it)
 * @param reconnects         consecutive failed (re)connects before the viewers are told the camera is unreachable
 * @param reconnectDelay     pause between them
 * @param maxQueuedFragments fragments written to a viewer but not yet sent before it skips to the next keyframe
 * @param maxLagging         how long a viewer may keep skipping before it is closed as too slow
 * @param snapshotMaxAge     how long one decoded snapshot answers every request for the same stream
 */
public record LiveSettings(Duration ioTimeout, Duration linger, int reconnects, Duration reconnectDelay,
                           int maxQueuedFragments, Duration maxLagging, Duration snapshotMaxAge) {

    public static final LiveSettings DEFAULTS = new LiveSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
            Duration.ofSeconds(1), 30, Duration.ofSeconds(15), Duration.ofSeconds(2));

    public LiveSettings {
        if (maxQueuedFragments < 2) {
            throw new IllegalArgumentException("maxQueuedFragments must be at least 2");
        }
        if (reconnects < 1) {
            throw new IllegalArgumentException("reconnects must be at least 1");
        }
    }

    public LiveSettings withLinger(Duration d) {
        return new LiveSettings(ioTimeout, d, reconnects, reconnectDelay, maxQueuedFragments, maxLagging, snapshotMaxAge);
    }

    public LiveSettings withQueue(int fragments, Duration lagging) {
        return new LiveSettings(ioTimeout, linger, reconnects, reconnectDelay, fragments, lagging, snapshotMaxAge);
    }
}
