package io.canhgac.gateway.live;

import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.time.Duration;

/**
 * RTSP over TCP through FFmpeg's demuxer only: {@code grabPacket()} never touches the decoder, so
 * a live pull costs the network reading and a copy. Short probing as in the ingest path.
 */
final class FfmpegPacketSource implements PacketSource {

    private static final AVRational RTP_CLOCK = avutil.av_make_q(1, Fmp4Muxer.TIMESCALE);

    private final String url;
    private final Duration ioTimeout;
    private FFmpegFrameGrabber grabber;
    private int videoIndex = -1;
    private AVRational timeBase;

    FfmpegPacketSource(String url, Duration ioTimeout) {
        this.url = url;
        this.ioTimeout = ioTimeout;
    }

    @Override
    public StreamInfo open() throws StreamException {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        g.setOption("rtsp_transport", "tcp");
        g.setOption("analyzeduration", "200000");
        g.setOption("probesize", "32768");
        g.setOption("fflags", "nobuffer");
        g.setOption("timeout", String.valueOf(ioTimeout.toNanos() / 1000));
        g.setTimeout((int) ioTimeout.toMillis());
        g.setVideoOption("threads", "1");
        try {
            g.startUnsafe(); // not start(): its JVM-wide lock would let one silent camera hold up the others
        } catch (FrameGrabber.Exception e) {
            release(g);
            throw new StreamException(classify(e), "cannot open " + redacted() + ": " + classify(e).explanation(), e);
        }
        AVFormatContext oc = g.getFormatContext();
        for (int i = 0; i < oc.nb_streams(); i++) {
            if (oc.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                videoIndex = i;
                break;
            }
        }
        if (videoIndex < 0) {
            release(g);
            throw new StreamException(StreamFailure.BAD_STREAM, "no video in stream " + redacted());
        }
        AVStream stream = oc.streams(videoIndex);
        AVCodecParameters par = stream.codecpar();
        timeBase = stream.time_base();
        byte[] extradata = new byte[Math.max(0, par.extradata_size())];
        if (extradata.length > 0) {
            par.extradata().capacity(extradata.length).get(extradata);
        }
        Codec codec = switch (par.codec_id()) {
            case avcodec.AV_CODEC_ID_H264 -> Codec.H264;
            case avcodec.AV_CODEC_ID_HEVC -> Codec.H265;
            default -> Codec.OTHER;
        };
        grabber = g;
        return new StreamInfo(codec, par.width(), par.height(), extradata);
    }

    @Override
    public VideoPacket next() throws StreamException {
        if (grabber == null) {
            throw new IllegalStateException("not open");
        }
        while (true) {
            AVPacket pkt;
            try {
                pkt = grabber.grabPacket();
            } catch (FrameGrabber.Exception e) {
                throw new StreamException(classify(e), "read failed on " + redacted() + ": " + classify(e).explanation(), e);
            }
            if (pkt == null) {
                throw new StreamException(StreamFailure.ENDED, "stream ended or stalled: " + redacted());
            }
            try {
                if (pkt.stream_index() != videoIndex || pkt.size() <= 0) {
                    continue; // audio, metadata
                }
                byte[] data = new byte[pkt.size()];
                pkt.data().capacity(pkt.size()).get(data);
                boolean key = (pkt.flags() & avcodec.AV_PKT_FLAG_KEY) != 0;
                return new VideoPacket(data, rescale(pkt.dts()), rescale(pkt.pts()), key);
            } finally {
                avcodec.av_packet_unref(pkt); // the demuxer's buffer goes back at once: we copied what we keep
            }
        }
    }

    private long rescale(long t) {
        return t == avutil.AV_NOPTS_VALUE ? Long.MIN_VALUE : avutil.av_rescale_q(t, timeBase, RTP_CLOCK);
    }

    @Override
    public void close() {
        if (grabber != null) {
            release(grabber);
            grabber = null;
        }
    }

    private static StreamFailure classify(FrameGrabber.Exception e) {
        // the ingest path's full error table is package-private in video/; a viewer only needs the gist
        return String.valueOf(e.getMessage()).contains("error -111") ? StreamFailure.REFUSED : StreamFailure.BAD_STREAM;
    }

    private String redacted() {
        return url.replaceFirst("//[^/@]*@", "//***@");
    }

    private static void release(FFmpegFrameGrabber g) {
        try {
            g.releaseUnsafe();
        } catch (Exception ignored) {
            // closing a broken stream may fail again; nothing more to do
        }
    }
}
