package io.canhgac.simulator.link;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * When a link lets bytes go: the rate budgets, the delay and jitter of each chunk and the stalls.
 * Used on the link's event loop; {@link #stalled} may be asked from any thread.
 */
final class LinkShaper {

    private final TokenBucket up = new TokenBucket();
    private final TokenBucket down = new TokenBucket();
    private final SplittableRandom random = new SplittableRandom();
    private volatile long stallEnds = System.nanoTime();

    void configure(LinkConditions conditions, long now) {
        up.setRate(conditions.upBitsPerSecond(), now);
        down.setRate(conditions.downBitsPerSecond(), now);
    }

    TokenBucket budget(Direction direction) {
        return direction == Direction.UP ? up : down;
    }

    /** When a chunk read now may go on, before the order of its direction is applied. */
    long releaseTime(LinkConditions conditions, long now) {
        long millis = conditions.delayMillis()
                + (conditions.jitterMillis() > 0 ? random.nextLong(conditions.jitterMillis() + 1) : 0);
        return now + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    void stallFor(long millis, long now) {
        stallEnds = later(stallEnds, now + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    void endStall(long now) {
        stallEnds = now;
    }

    long stallEnds() {
        return stallEnds;
    }

    boolean stalled(long now) {
        return now - stallEnds < 0;
    }

    /** The later of two {@link System#nanoTime} instants (they may wrap). */
    static long later(long a, long b) {
        return a - b < 0 ? b : a;
    }
}
