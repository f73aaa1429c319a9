package io.canhgac.gateway.recording;

import io.canhgac.gateway.live.AvcFormat;
import io.canhgac.gateway.live.H264Nals;
import io.canhgac.gateway.recording.replay.ReplaySession;
import io.canhgac.gateway.recording.replay.ReplayedPicture;
import io.canhgac.gateway.video.H264Sps;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the pictures a camera replays from its own storage into segments inside one gap of the
 * gateway's recording, dated by the camera's clock. Only what falls inside the gap is written (from
 * its first keyframe there), so filled segments never overlap recorded ones; a hole in the camera's
 * storage (a discontinuity) or the segment length starts a new segment, as live recording does.
 */
final class GapFill implements ReplaySession.Pictures {

    private static final int DEFAULT_DURATION = (int) (Ticks.PER_SECOND / 10);
    private static final long MAX_DURATION = 5 * Ticks.PER_SECOND;

    private final CameraArchive archive;
    private final Instant from;
    private final Instant to;
    private final Duration segmentLength;
    private final List<Segment> written = new ArrayList<>();
    private AvcFormat format;
    private SegmentWriter writer;
    private ReplayedPicture held;
    private int lastDuration = DEFAULT_DURATION;

    GapFill(CameraArchive archive, Instant from, Instant to, Duration segmentLength) {
        this.archive = archive;
        this.from = from;
        this.to = to;
        this.segmentLength = segmentLength;
    }

    @Override
    public void parameterSets(byte[] sps, byte[] pps) {
        if (format == null && sps != null && pps != null) {
            updateFormat(List.of(sps, pps));
        }
    }

    @Override
    public void picture(ReplayedPicture p) throws IOException {
        if (p.time().isBefore(from) || !p.time().isBefore(to)) {
            return;
        }
        boolean changed = updateFormat(p.nals());
        if (writer != null && (p.discontinuity() || (p.keyframe() && (changed
                || Duration.between(writer.start(), p.time()).compareTo(segmentLength) >= 0)))) {
            flushHeld(p.discontinuity() ? null : p.time());
            finishSegment();
        }
        if (writer == null) {
            if (!p.keyframe() || format == null) {
                return; // a segment starts with a picture that decodes alone
            }
            writer = SegmentWriter.create(archive.dir(), p.time(), format);
        } else {
            flushHeld(p.time());
        }
        held = p;
    }

    /** Writes what is held and closes the segment; what was written stays, even after a failure. */
    List<Segment> finish() throws IOException {
        flushHeld(null);
        finishSegment();
        return written;
    }

    private void flushHeld(Instant next) throws IOException {
        ReplayedPicture h = held;
        held = null;
        if (h == null || writer == null) {
            return;
        }
        long d = next == null ? lastDuration : Ticks.fromNanos(Duration.between(h.time(), next).toNanos());
        if (d > 0 && d <= MAX_DURATION) {
            lastDuration = (int) d;
        }
        long untilEnd = Ticks.fromNanos(Duration.between(h.time(), to).toNanos());
        int duration = (int) Math.max(1, Math.min(lastDuration, untilEnd)); // never past the gap
        long decode = Ticks.fromNanos(Duration.between(writer.start(), h.time()).toNanos());
        writer.write(decode, duration, 0, h.keyframe(), H264Nals.toMp4Sample(h.nals()));
    }

    private void finishSegment() throws IOException {
        SegmentWriter w = writer;
        writer = null;
        if (w != null) {
            Segment s = w.finish();
            if (s != null) {
                archive.filled(s);
                written.add(s);
            }
        }
    }

    private boolean updateFormat(List<byte[]> nals) {
        byte[] sps = H264Nals.first(nals, H264Nals.SPS);
        byte[] pps = H264Nals.first(nals, H264Nals.PPS);
        if (sps == null || pps == null || (format != null && format.sameParameters(sps, pps))) {
            return false;
        }
        H264Sps size = H264Sps.parse(sps); // replay hands over no demuxer parameters: the size is the SPS's
        boolean changed = format != null;
        format = new AvcFormat(size.width(), size.height(), sps, pps);
        return changed;
    }
}
