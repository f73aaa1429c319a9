package io.canhgac.gateway.recording;

import io.canhgac.gateway.live.PacketSource;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A camera's recording read as if it were its stream, for the live uplink: from the keyframe at or
 * before an instant, each picture released when its time comes, {@code speed} times faster than it
 * was recorded. Pictures are dated on the wall clock (90 kHz ticks since the epoch), so whoever
 * receives them knows exactly when each was recorded; a gap in the recording is not waited out, the
 * next picture comes at once with its later date. The end of the recording ends the stream ({@link
 * StreamFailure#ENDED}).
 */
final class Playback implements PacketSource {

    /** A jump larger than this between two pictures is a gap, skipped rather than waited for. */
    private static final long GAP_TICKS = 2 * Ticks.PER_SECOND;

    private final CameraArchive archive;
    private final Instant from;
    private final int speed;
    private RecordedPictures pictures;
    private long firstTicks = Long.MIN_VALUE;
    private long startNanos;
    private long lastTicks;
    /** Gaps skipped so far, in ticks: taken off the pacing clock. */
    private long skipped;
    private volatile boolean closed;

    Playback(CameraArchive archive, Instant from, int speed) {
        this.archive = archive;
        this.from = from;
        this.speed = speed;
    }

    @Override
    public StreamInfo open() throws StreamException {
        try {
            Optional<RecordedPictures> found = RecordedPictures.from(archive, from);
            if (found.isEmpty()) {
                throw new StreamException(StreamFailure.ENDED, "nothing recorded of camera " + archive.cameraId() + " at or after " + from);
            }
            pictures = found.get();
        } catch (IOException e) {
            throw new StreamException(StreamFailure.BAD_STREAM, "recording of camera " + archive.cameraId() + " unreadable: " + e.getMessage(), e);
        }
        return new StreamInfo(Codec.H264, pictures.format().width(), pictures.format().height(),
                RecordedPictures.extradata(pictures.format()));
    }

    @Override
    public VideoPacket next() throws StreamException {
        RecordedPictures.Picture p;
        try {
            Optional<RecordedPictures.Picture> next = closed ? Optional.empty() : pictures.next();
            if (next.isEmpty()) {
                throw new StreamException(StreamFailure.ENDED, "end of the recording of camera " + archive.cameraId());
            }
            p = next.get();
        } catch (IOException e) {
            throw new StreamException(StreamFailure.BAD_STREAM, "recording of camera " + archive.cameraId() + " unreadable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamException(StreamFailure.ENDED, "playback interrupted");
        }
        long ticks = Ticks.ofInstant(p.at());
        pace(ticks);
        return new VideoPacket(p.data(), ticks, ticks + p.compositionOffset(), p.keyframe());
    }

    private void pace(long ticks) {
        if (firstTicks == Long.MIN_VALUE) {
            firstTicks = ticks;
            startNanos = System.nanoTime();
        } else if (ticks - lastTicks > GAP_TICKS) {
            skipped += ticks - lastTicks;
        }
        lastTicks = ticks;
        long due = startNanos + Ticks.toNanos(ticks - firstTicks - skipped) / speed;
        for (long wait = due - System.nanoTime(); wait > 0 && !closed; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(wait, 100_000_000L)); // a stop is seen within 100 ms
        }
    }

    @Override
    public void close() {
        closed = true;
        if (pictures != null) {
            pictures.close();
        }
    }
}
