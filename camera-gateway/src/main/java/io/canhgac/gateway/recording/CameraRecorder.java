package io.canhgac.gateway.recording;

import io.canhgac.gateway.live.AvcFormat;
import io.canhgac.gateway.live.H264Nals;
import io.canhgac.gateway.video.PacketTap;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Records one camera stream from the packets its reader already has (a {@link PacketTap}: no second
 * connection, nothing decoded): each picture is remuxed into the current segment as it arrives, and
 * a new segment starts at the first keyframe after the segment length, or when the stream's
 * parameter sets change. Pictures are written one behind, so each knows its real duration. A stream
 * that breaks, or a disk guard that says stop, closes the segment; the gap it leaves is logged with
 * its reason when recording resumes. Runs on the camera's grab thread; writes go to the page cache.
 */
final class CameraRecorder implements PacketTap {

    private static final Logger log = LoggerFactory.getLogger(CameraRecorder.class);
    /** A jump between pictures beyond this is a camera clock reset, not a duration. */
    private static final long MAX_DURATION = 5 * Ticks.PER_SECOND;
    private static final int DEFAULT_DURATION = (int) (Ticks.PER_SECOND / 10);
    private static final Duration RESYNC = Duration.ofMillis(250);

    private final CameraArchive archive;
    private final Duration segmentLength;
    private final BooleanSupplier diskAllows;
    private final Runnable segmentDone;
    private final BiConsumer<Instant, Instant> cameraBack;
    private StreamParameters stream;
    private boolean recordable;
    private AvcFormat format;
    private SegmentWriter writer;
    /** The picture read but not yet written, and its 90 kHz decode time. */
    private Held held;
    private long segmentFirstDts;
    private int lastDuration = DEFAULT_DURATION;
    /** Why the next segment does not join the last one; null when it does. */
    private String breakReason = CameraArchive.GATEWAY_DOWN;

    private record Held(VideoPacket packet, long dts, long pts, byte[] sample) {
    }

    /** @param segmentDone after each finished segment (retention may have work) */
    CameraRecorder(CameraArchive archive, Duration segmentLength, BooleanSupplier diskAllows, Runnable segmentDone) {
        this(archive, segmentLength, diskAllows, segmentDone, (from, to) -> { });
    }

    /** @param cameraBack the camera's pictures came back after a camera-offline gap (from, to): it may hold them itself */
    CameraRecorder(CameraArchive archive, Duration segmentLength, BooleanSupplier diskAllows, Runnable segmentDone,
                   BiConsumer<Instant, Instant> cameraBack) {
        this.cameraBack = cameraBack;
        this.archive = archive;
        this.segmentLength = segmentLength;
        this.diskAllows = diskAllows;
        this.segmentDone = segmentDone;
    }

    @Override
    public void opened(StreamParameters parameters) {
        stream = parameters;
        recordable = parameters.codecId() == avcodec.AV_CODEC_ID_H264;
        if (!recordable) {
            log.warn("camera {}: {} stream, not recorded (segments are H.264 fMP4)", archive.cameraId(), parameters.codecName());
        }
        format = null;
        List<byte[]> headers = H264Nals.split(parameters.extradata());
        updateFormat(headers);
    }

    @Override
    public void packet(VideoPacket packet) {
        if (!recordable) {
            return;
        }
        if (!diskAllows.getAsBoolean()) {
            stopSegment("DISK_GUARD", packet.receivedAt());
            return;
        }
        List<byte[]> nals = H264Nals.split(packet.data());
        boolean formatChanged = updateFormat(nals);
        long dts = Ticks.rescale(packet.decodingTime(), stream.timeBaseNum(), stream.timeBaseDen());
        long pts = packet.pts() == VideoPacket.NO_TIMESTAMP ? dts : Ticks.rescale(packet.pts(), stream.timeBaseNum(), stream.timeBaseDen());
        if (packet.decodingTime() == VideoPacket.NO_TIMESTAMP) {
            dts = held == null ? 0 : held.dts + lastDuration;
            pts = dts;
        }
        if (writer != null && packet.keyframe() && (formatChanged || dts - segmentFirstDts >= Ticks.fromNanos(segmentLength.toNanos()))) {
            Instant next = flushHeld(dts) ? resynced(writer.end(), packet.receivedAt()) : packet.receivedAt();
            finishSegment();
            startSegment(next, dts);
        } else if (writer == null) {
            if (!packet.keyframe() || format == null) {
                return; // a segment starts with a picture that decodes alone
            }
            startSegment(packet.receivedAt(), dts);
        } else {
            flushHeld(dts);
        }
        if (writer != null) {
            held = new Held(packet, dts, pts, H264Nals.toMp4Sample(nals));
        }
    }

    @Override
    public void closed() {
        stopSegment(CameraArchive.CAMERA_OFFLINE, Instant.now());
    }

    /** The gateway stops: what was read is kept. */
    void close() {
        stopSegment(CameraArchive.GATEWAY_DOWN, Instant.now());
    }

    private void stopSegment(String reason, Instant at) {
        if (writer != null) {
            flushHeld(Long.MIN_VALUE);
            finishSegment();
        }
        if (breakReason == null || !breakReason.equals(reason)) {
            archive.idle(at, reason);
        }
        breakReason = reason;
    }

    /**
     * Where the next segment starts: end to end with the last, on the camera's clock, unless the
     * gateway's clock has moved on by more than {@link #RESYNC}: a camera clock running slow would
     * otherwise drift the recording away from the wall clock over a day (a fast one is not pulled
     * back, segments never overlap).
     */
    private static Instant resynced(Instant end, Instant received) {
        return received.isAfter(end.plus(RESYNC)) ? received : end;
    }

    private void startSegment(Instant start, long firstDts) {
        Instant last = archive.lastEnd();
        if (breakReason != null && last != null && start.isAfter(last.plus(CameraArchive.JOIN))) {
            // a gap whose reason we know; GATEWAY_DOWN is what the log's silence already means
            if (!breakReason.equals(CameraArchive.GATEWAY_DOWN)) {
                archive.gap(last, start, breakReason);
                if (breakReason.equals(CameraArchive.CAMERA_OFFLINE)) {
                    cameraBack.accept(last, start);
                }
            }
        } else if (last != null && start.isBefore(last)) {
            start = last; // the receive clock jittered: segments never overlap
        }
        try {
            writer = SegmentWriter.create(archive.dir(), start, format);
            segmentFirstDts = firstDts;
            breakReason = null;
            archive.opened(writer.asOpen());
        } catch (IOException e) {
            log.warn("camera {}: cannot start a segment: {}", archive.cameraId(), e.toString());
            writer = null;
            breakReason = "DISK_GUARD";
            archive.idle(start, breakReason);
        }
    }

    /** Writes the held picture, its duration up to {@code nextDts} (unknown: the last duration); false if none was held. */
    private boolean flushHeld(long nextDts) {
        Held h = held;
        held = null;
        if (h == null || writer == null) {
            return false;
        }
        long d = nextDts == Long.MIN_VALUE ? lastDuration : nextDts - h.dts;
        if (d > 0 && d <= MAX_DURATION) {
            lastDuration = (int) d;
        }
        try {
            writer.write(h.dts - segmentFirstDts, lastDuration, (int) (h.pts - h.dts), h.packet.keyframe(), h.sample);
            archive.progress(writer.asOpen());
            return true;
        } catch (IOException e) {
            log.warn("camera {}: segment write failed: {}", archive.cameraId(), e.toString());
            writer.abandon();
            writer = null;
            breakReason = "DISK_GUARD";
            archive.finished(null);
            archive.idle(h.packet.receivedAt(), breakReason);
            return false;
        }
    }

    private void finishSegment() {
        SegmentWriter w = writer;
        writer = null;
        if (w == null) {
            return;
        }
        try {
            archive.finished(w.finish());
        } catch (IOException e) {
            log.warn("camera {}: segment not finished: {}", archive.cameraId(), e.toString());
            archive.finished(null);
        }
        segmentDone.run();
    }

    /** New or changed parameter sets; true when they changed from the ones in use. */
    private boolean updateFormat(List<byte[]> nals) {
        byte[] sps = H264Nals.first(nals, H264Nals.SPS);
        byte[] pps = H264Nals.first(nals, H264Nals.PPS);
        if (sps == null || pps == null || (format != null && format.sameParameters(sps, pps)) || stream == null) {
            return false;
        }
        boolean changed = format != null;
        try {
            format = new AvcFormat(stream.width(), stream.height(), sps, pps);
        } catch (IllegalArgumentException e) {
            log.warn("camera {}: unusable parameter sets: {}", archive.cameraId(), e.getMessage());
            return false;
        }
        return changed;
    }
}
