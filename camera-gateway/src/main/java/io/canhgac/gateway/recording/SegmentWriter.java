package io.canhgac.gateway.recording;

import io.canhgac.gateway.live.AvcFormat;
import io.canhgac.gateway.live.Fmp4Muxer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes one segment: the live view's init segment, then one moof + mdat per picture, each handed to
 * the kernel as soon as it is made. A crash or a kill therefore leaves a file that is whole up to its
 * last complete fragment ({@link SegmentRepair} cuts the rest at the next start). Times inside the
 * segment count from its first picture, in 90 kHz ticks.
 */
final class SegmentWriter implements AutoCloseable {

    private final Path dir;
    private final Path part;
    private final Instant start;
    private final FileChannel channel;
    private long sequence;
    private long endTicks;
    private long bytes;
    private boolean finished;

    private SegmentWriter(Path dir, Path part, Instant start, FileChannel channel) {
        this.dir = dir;
        this.part = part;
        this.start = start;
        this.channel = channel;
    }

    static SegmentWriter create(Path dir, Instant start, AvcFormat format) throws IOException {
        Path part = dir.resolve(Segment.partName(start));
        FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        SegmentWriter w = new SegmentWriter(dir, part, start, channel);
        try {
            w.put(Fmp4Muxer.initSegment(format));
        } catch (IOException | RuntimeException e) {
            w.abandon();
            throw e;
        }
        return w;
    }

    /** One picture; {@code decodeTicks} since the segment's first picture. */
    void write(long decodeTicks, int durationTicks, int compositionOffset, boolean keyframe, byte[] mp4Sample) throws IOException {
        put(Fmp4Muxer.fragment(++sequence, decodeTicks, durationTicks, compositionOffset, keyframe, mp4Sample));
        endTicks = decodeTicks + durationTicks;
    }

    private void put(byte[] box) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(box);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        bytes += box.length;
    }

    Instant start() {
        return start;
    }

    /** Where the last picture written ends. */
    Instant end() {
        return start.plusNanos(Ticks.toNanos(endTicks));
    }

    long bytes() {
        return bytes;
    }

    int pictures() {
        return (int) sequence;
    }

    /** What the index shows of it while it is written. */
    Segment asOpen() {
        return new Segment(part, start, end(), bytes, true);
    }

    /** Closes and names the file by its span; a segment without a picture is removed. */
    Segment finish() throws IOException {
        finished = true;
        channel.close();
        if (sequence == 0) {
            Files.deleteIfExists(part);
            return null;
        }
        Path done = dir.resolve(Segment.doneName(start, end()));
        Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
        return new Segment(done, start, end(), bytes, false);
    }

    /** The disk failed under it: what was written stays for the next start's repair. */
    void abandon() {
        finished = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do with a file we cannot write
        }
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            finish();
        }
    }
}
