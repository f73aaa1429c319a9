package io.canhgac.gateway.video;

/**
 * How far behind the camera's own clock the gateway finishes each picture: the sign of a gateway
 * that cannot keep up (its backlog grows in the socket while pictures wait to be decoded). The
 * reference is the most punctual picture seen; it may creep later by 1 ms per second so that a
 * camera clock running slow (real cameras drift by tens of ppm) is not taken for falling behind.
 * One writer (the camera's thread); readers anywhere.
 */
public final class StreamLag {

    /** Two frame intervals at 10 fps: a picture finished later than this is late. */
    public static final long LATE_NANOS = 200_000_000L;
    private static final long CREEP_DIVISOR = 1000;

    private long reference = Long.MAX_VALUE;
    private long lastDone;
    private volatile long frames;
    private volatile long late;
    private volatile long worstNanos;

    /** A new session: its timestamps start from a new origin. */
    public void restart() {
        reference = Long.MAX_VALUE;
    }

    /**
     * @param streamNanos the picture's time on the camera's clock ({@link LumaFrame#streamNanos()})
     * @param doneNanos   when the gateway finished with it, on {@link System#nanoTime()}
     */
    public void observe(long streamNanos, long doneNanos) {
        if (streamNanos == LumaFrame.NO_STREAM_TIME) {
            return;
        }
        long offset = doneNanos - streamNanos;
        if (reference == Long.MAX_VALUE || offset < reference) {
            reference = offset;
        } else {
            reference = Math.min(offset, reference + (doneNanos - lastDone) / CREEP_DIVISOR);
        }
        lastDone = doneNanos;
        long lag = offset - reference;
        frames++;
        if (lag > LATE_NANOS) {
            late++;
        }
        if (lag > worstNanos) {
            worstNanos = lag;
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(frames, late, worstNanos / 1_000_000);
    }

    /**
     * @param frames     pictures timed since the gateway started
     * @param lateFrames of those, finished more than {@link #LATE_NANOS} behind the camera's clock
     * @param worstMillis the largest lag seen
     */
    public record Snapshot(long frames, long lateFrames, long worstMillis) {

        /** What happened between an earlier snapshot and this one. */
        public Snapshot since(Snapshot earlier) {
            return new Snapshot(frames - earlier.frames, lateFrames - earlier.lateFrames, worstMillis);
        }
    }
}
