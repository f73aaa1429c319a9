package io.canhgac.gateway.live;

import io.canhgac.gateway.video.RtspDemuxer;
import io.canhgac.gateway.video.StillPicture;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One keyframe to a JPEG, through the same {@link StillPicture} path as event snapshots: from memory
 * (a pull's newest keyframe) or from the first keyframe of a short RTSP connection. Blocking; failures
 * are an {@link IllegalStateException} around a {@link StreamException} so they pass through a
 * {@code CompletableFuture}.
 */
final class SnapshotDecoder {

    /** A camera sends a keyframe every few seconds; past this many packets without one, give up. */
    static final int MAX_PACKETS_BEFORE_KEYFRAME = 500;

    /** An Annex B keyframe carries its own parameter sets: the decoder needs nothing out of band. */
    private static final StreamParameters ANNEX_B_H264 =
            new StreamParameters(avcodec.AV_CODEC_ID_H264, "h264", 0, 0, new byte[0], 1, 90_000);

    private SnapshotDecoder() {
    }

    /** One Annex B keyframe with its parameter sets, decoded from memory. */
    static byte[] fromKeyframe(byte[] annexB) {
        VideoPacket keyframe = new VideoPacket(annexB, VideoPacket.NO_TIMESTAMP, VideoPacket.NO_TIMESTAMP, true, Instant.now());
        return jpeg(ANNEX_B_H264, keyframe);
    }

    static byte[] fromRtsp(String url, Duration ioTimeout) {
        RtspDemuxer demuxer;
        try {
            demuxer = RtspDemuxer.open(url, ioTimeout);
        } catch (StreamException e) {
            throw new IllegalStateException(new StreamException(e.failure(),
                    "cannot read a picture from the camera: " + e.getMessage(), e));
        }
        try {
            StreamParameters stream = StreamParameters.of(demuxer.video());
            for (int i = 0; i < MAX_PACKETS_BEFORE_KEYFRAME; i++) {
                AVPacket pkt = demuxer.read();
                if (pkt == null) {
                    throw new IllegalStateException(new StreamException(StreamFailure.ENDED,
                            "cannot read a picture from the camera: the stream ended before a keyframe"));
                }
                if (RtspDemuxer.keyframe(pkt)) {
                    return jpeg(stream, new VideoPacket(RtspDemuxer.bytes(pkt), pkt.pts(), pkt.dts(), true, Instant.now()));
                }
            }
            throw new IllegalStateException(new StreamException(StreamFailure.BAD_STREAM,
                    "cannot read a picture from the camera: no keyframe in " + MAX_PACKETS_BEFORE_KEYFRAME + " packets"));
        } finally {
            demuxer.close();
        }
    }

    private static byte[] jpeg(StreamParameters stream, VideoPacket keyframe) {
        try {
            return StillPicture.jpeg(stream, List.of(keyframe), 0);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(new StreamException(StreamFailure.BAD_STREAM,
                    "cannot read a picture from the camera: " + e.getMessage(), e));
        }
    }
}
