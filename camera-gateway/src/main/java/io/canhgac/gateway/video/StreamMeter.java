package io.canhgac.gateway.video;

import java.time.Duration;
import java.time.Instant;

/**
 * Measures frame rate and bitrate over a sliding window of recent packets. Written by the grab
 * thread, read by anyone: a small synchronized ring (one uncontended lock per picture).
 */
public final class StreamMeter implements PacketTap {

    private static final int CAPACITY = 256; // 8.5 s at 30 fps; the window is cut by time before that
    private final long windowNanos;
    private final long[] at = new long[CAPACITY];
    private final int[] sizes = new int[CAPACITY];
    private int next;
    private int count;
    private long frames;
    private long bytes;
    private Instant lastFrameAt;
    private StreamParameters parameters;

    public StreamMeter(Duration window) {
        this.windowNanos = window.toNanos();
    }

    @Override
    public void opened(StreamParameters stream) {
        reset(); // a reconnect gap must not count as a slow stream
        synchronized (this) {
            parameters = stream;
        }
    }

    @Override
    public synchronized void packet(VideoPacket packet) {
        at[next] = System.nanoTime();
        sizes[next] = packet.size();
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
        frames++;
        bytes += packet.size();
        lastFrameAt = packet.receivedAt();
    }

    @Override
    public void closed() {
        reset();
    }

    private synchronized void reset() {
        count = 0;
    }

    /** The codec and picture size of the stream as last opened; null before it ever opened. */
    public synchronized StreamParameters parameters() {
        return parameters;
    }

    /** Rates over the packets of the last window; zero rates until two packets arrived or when the stream went quiet. */
    public synchronized StreamStats stats() {
        long now = System.nanoTime();
        int newest = (next - 1 + CAPACITY) % CAPACITY;
        if (count < 2 || now - at[newest] > windowNanos) {
            return new StreamStats(0, 0, lastFrameAt, frames, bytes);
        }
        // the packets within the window, newest first; n packets span n-1 intervals, carrying the bytes of all but the oldest
        int n = 0;
        long windowBytes = 0;
        int oldest = newest;
        for (int i = 0; i < count; i++) {
            int idx = (newest - i + CAPACITY) % CAPACITY;
            if (now - at[idx] > windowNanos) {
                break;
            }
            if (n > 0) {
                windowBytes += sizes[oldest];
            }
            oldest = idx;
            n++;
        }
        double seconds = (at[newest] - at[oldest]) / 1e9;
        if (n < 2 || seconds <= 0) {
            return new StreamStats(0, 0, lastFrameAt, frames, bytes);
        }
        return new StreamStats((n - 1) / seconds, Math.round(windowBytes * 8 / seconds), lastFrameAt, frames, bytes);
    }
}
