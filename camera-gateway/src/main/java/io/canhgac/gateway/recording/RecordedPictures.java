package io.canhgac.gateway.recording;

import io.canhgac.gateway.live.AvcFormat;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A camera's recorded pictures in order from the keyframe at or before an instant, segment after
 * segment, each dated by the wall clock it was recorded at. Follows the segment being written, so
 * playback near now runs on as the camera sends more; ends where the recording ends. One reader
 * open at a time; not thread-safe.
 */
final class RecordedPictures implements AutoCloseable {

    /** How long the segment being written may give nothing before the recording counts as ended. */
    private static final long FOLLOW_NANOS = 3_000_000_000L;
    private static final long FOLLOW_POLL_MILLIS = 50;

    /**
     * @param data Annex B (start codes), as a camera's demuxer gives it
     * @param at   when it was recorded
     */
    record Picture(Instant at, long durationTicks, int compositionOffset, boolean keyframe, byte[] data) {
    }

    private final CameraArchive archive;
    private Segment segment;
    private SegmentReader reader;

    private RecordedPictures(CameraArchive archive) {
        this.archive = archive;
    }

    /** Empty when nothing is recorded at or after {@code from}. */
    static Optional<RecordedPictures> from(CameraArchive archive, Instant from) throws IOException {
        Optional<Segment> first = archive.overlapping(from, Instant.MAX).stream().findFirst().or(() -> archive.after(from));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        RecordedPictures pictures = new RecordedPictures(archive);
        try {
            pictures.openAt(first.get(), from);
            return Optional.of(pictures);
        } catch (IOException | RuntimeException e) {
            pictures.close();
            throw e;
        }
    }

    private void openAt(Segment s, Instant from) throws IOException {
        segment = s;
        reader = openReader(s);
        long keyframe = reader.position();
        for (SegmentReader.Sample h = reader.nextHeader(); h != null; h = reader.nextHeader()) {
            if (at(h).isAfter(from)) {
                break;
            }
            if (h.keyframe()) {
                keyframe = h.offset();
            }
        }
        reader.seek(keyframe);
    }

    AvcFormat format() {
        return reader.format();
    }

    /** The next picture; empty at the end of the recording. */
    Optional<Picture> next() throws IOException, InterruptedException {
        long waitingSince = 0;
        while (true) {
            SegmentReader.Sample s = reader.next();
            if (s != null) {
                return Optional.of(picture(s));
            }
            if (archive.isOpen(segment.start())) {
                long now = System.nanoTime();
                if (waitingSince == 0) {
                    waitingSince = now;
                } else if (now - waitingSince > FOLLOW_NANOS) {
                    return Optional.empty();
                }
                Thread.sleep(FOLLOW_POLL_MILLIS); // the camera's next picture is on its way
                continue;
            }
            s = reader.next(); // it may have been finished while we looked: its last pictures first
            if (s != null) {
                return Optional.of(picture(s));
            }
            Optional<Segment> next = archive.after(segment.start());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            reader.close();
            segment = next.get();
            reader = openReader(segment);
            waitingSince = 0;
        }
    }

    /** The segment being written may be finished (renamed) between the index's answer and the open. */
    private SegmentReader openReader(Segment s) throws IOException {
        try {
            return SegmentReader.open(s.file());
        } catch (java.nio.file.NoSuchFileException e) {
            Segment now = archive.current(s.start()).orElseThrow(() -> e);
            return SegmentReader.open(now.file());
        }
    }

    private Picture picture(SegmentReader.Sample s) {
        return new Picture(at(s), s.durationTicks(), s.compositionOffset(), s.keyframe(), annexB(s.data()));
    }

    private Instant at(SegmentReader.Sample s) {
        return segment.start().plusNanos(Ticks.toNanos(s.decodeTicks()));
    }

    /** MP4's 4-byte NAL lengths back into start codes: the same size, so in place. */
    static byte[] annexB(byte[] sample) {
        int i = 0;
        while (i + 4 <= sample.length) {
            int n = ((sample[i] & 0xFF) << 24) | ((sample[i + 1] & 0xFF) << 16) | ((sample[i + 2] & 0xFF) << 8) | (sample[i + 3] & 0xFF);
            sample[i] = 0;
            sample[i + 1] = 0;
            sample[i + 2] = 0;
            sample[i + 3] = 1;
            i += 4 + n;
        }
        return sample;
    }

    /** SPS and PPS with start codes: what an RTSP demuxer gives as the stream's extradata. */
    static byte[] extradata(AvcFormat format) {
        byte[] sps = format.sps();
        byte[] pps = format.pps();
        byte[] out = new byte[8 + sps.length + pps.length];
        out[3] = 1;
        System.arraycopy(sps, 0, out, 4, sps.length);
        out[7 + sps.length] = 1;
        System.arraycopy(pps, 0, out, 8 + sps.length, pps.length);
        return out;
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
