package io.canhgac.gateway.live;

import io.canhgac.gateway.video.RtspDemuxer;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;
import io.canhgac.gateway.video.StreamParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

import java.time.Duration;

/**
 * RTSP over TCP through FFmpeg's demuxer only ({@link RtspDemuxer}): nothing is decoded, so a live
 * pull costs the network reading and a copy. Short probing as in the ingest path.
 */
final class FfmpegPacketSource implements PacketSource {

    private static final AVRational RTP_CLOCK = avutil.av_make_q(1, Fmp4Muxer.TIMESCALE);

    private final String url;
    private final Duration ioTimeout;
    private RtspDemuxer demuxer;
    private AVRational timeBase;

    FfmpegPacketSource(String url, Duration ioTimeout) {
        this.url = url;
        this.ioTimeout = ioTimeout;
    }

    @Override
    public StreamInfo open() throws StreamException {
        RtspDemuxer d = RtspDemuxer.open(url, ioTimeout);
        StreamParameters stream = StreamParameters.of(d.video());
        timeBase = d.video().time_base();
        Codec codec = switch (stream.codecId()) {
            case avcodec.AV_CODEC_ID_H264 -> Codec.H264;
            case avcodec.AV_CODEC_ID_HEVC -> Codec.H265;
            default -> Codec.OTHER;
        };
        demuxer = d;
        return new StreamInfo(codec, stream.width(), stream.height(), stream.extradata());
    }

    @Override
    public VideoPacket next() throws StreamException {
        if (demuxer == null) {
            throw new IllegalStateException("not open");
        }
        AVPacket pkt = demuxer.read();
        if (pkt == null) {
            throw new StreamException(StreamFailure.ENDED, "stream ended or stalled: " + demuxer.redacted());
        }
        return new VideoPacket(RtspDemuxer.bytes(pkt), rescale(pkt.dts()), rescale(pkt.pts()), RtspDemuxer.keyframe(pkt));
    }

    private long rescale(long t) {
        return t == avutil.AV_NOPTS_VALUE ? Long.MIN_VALUE : avutil.av_rescale_q(t, timeBase, RTP_CLOCK);
    }

    @Override
    public void close() {
        if (demuxer != null) {
            demuxer.close();
            demuxer = null;
        }
    }
}
