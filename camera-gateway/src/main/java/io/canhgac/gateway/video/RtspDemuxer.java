package io.canhgac.gateway.video;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegLogCallback;

import java.time.Duration;

/**
 * An RTSP stream over TCP through FFmpeg's demuxer alone: no decoder is opened here (JavaCV's
 * grabber opened one per camera that we never used), so a camera costs its network reading and
 * whatever the caller does with the packets. Every blocking call is bounded by a deadline that an
 * interrupt callback checks, so a silent camera fails after the I/O timeout instead of hanging.
 * Not thread-safe: open, read and close on the camera's own thread.
 */
public final class RtspDemuxer implements AutoCloseable {

    private static final Deadline DEADLINE = new Deadline();

    static {
        avformat.avformat_network_init(); // once per process; RTSP works without, but FFmpeg asks for it
        FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR); // FFmpeg's own lines into our log, errors only
    }

    private final String url;
    private final long timeoutNanos;
    private final LongPointer deadline = new LongPointer(1);
    private AVFormatContext format;
    private AVStream video;
    private boolean closed;
    private final AVPacket packet = avcodec.av_packet_alloc();

    private RtspDemuxer(String url, Duration ioTimeout) {
        this.url = url;
        this.timeoutNanos = ioTimeout.toNanos();
    }

    /** Connects, reads the stream headers (short probing, about half a second) and finds the video. */
    public static RtspDemuxer open(String url, Duration ioTimeout) throws StreamException {
        RtspDemuxer d = new RtspDemuxer(url, ioTimeout);
        try {
            d.connect();
            return d;
        } catch (StreamException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private void connect() throws StreamException {
        AVFormatContext ctx = avformat.avformat_alloc_context();
        AVIOInterruptCB interrupt = ctx.interrupt_callback();
        interrupt.callback(DEADLINE);
        interrupt.opaque(deadline);
        AVDictionary options = new AVDictionary(null);
        avutil.av_dict_set(options, "rtsp_transport", "tcp", 0);
        avutil.av_dict_set(options, "analyzeduration", "200000", 0);
        avutil.av_dict_set(options, "probesize", "32768", 0);
        avutil.av_dict_set(options, "fflags", "nobuffer", 0);
        avutil.av_dict_set(options, "timeout", String.valueOf(timeoutNanos / 1000), 0); // socket I/O, µs
        long started = System.nanoTime();
        armDeadline();
        int opened = avformat.avformat_open_input(ctx, url, null, options);
        avutil.av_dict_free(options);
        if (opened < 0) {
            // on failure FFmpeg frees the context itself; a camera that accepts but never answers
            // ends as "invalid data" once our deadline interrupts it
            boolean timedOut = System.nanoTime() - started >= timeoutNanos * 9 / 10;
            throw failure("cannot open", timedOut ? StreamFailure.TIMEOUT : FfmpegErrors.classify(opened), opened);
        }
        format = ctx;
        video = videoStream(format);
        if (video == null || !sizeFromSps(video)) {
            // FFmpeg's probing decodes pictures to learn what the SDP did not say; it costs ~1.4 MB per camera
            armDeadline();
            int probed = avformat.avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (probed < 0) {
                throw failure("cannot read the stream headers of", FfmpegErrors.classify(probed), probed);
            }
            video = videoStream(format);
        }
        if (video == null || video.codecpar().width() <= 0 || video.codecpar().height() <= 0) {
            throw new StreamException(StreamFailure.BAD_STREAM, "no video in stream " + redacted());
        }
    }

    private static AVStream videoStream(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            if (format.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                return format.streams(i);
            }
        }
        return null;
    }

    /** H.264 whose SDP carried its SPS: the picture size is read from it, no probing needed. */
    private static boolean sizeFromSps(AVStream stream) {
        AVCodecParameters par = stream.codecpar();
        if (par.codec_id() != avcodec.AV_CODEC_ID_H264 || par.extradata_size() <= 0) {
            return false;
        }
        return H264Sps.fromExtradata(StreamParameters.extradata(par)).map(sps -> {
            par.width(sps.width());
            par.height(sps.height());
            return true;
        }).orElse(false);
    }

    /** The video stream: codec parameters, time base. */
    public AVStream video() {
        return video;
    }

    /**
     * The next video packet, owned by this demuxer and valid until the next call (unreferenced
     * then). Null when the stream ended or stalled past the I/O timeout.
     */
    public AVPacket read() {
        avcodec.av_packet_unref(packet);
        while (true) {
            armDeadline();
            int got = avformat.av_read_frame(format, packet);
            if (got < 0) {
                return null; // end, reset or our deadline: the caller tells a stall from an end by its clock
            }
            if (packet.stream_index() == video.index() && packet.size() > 0) {
                return packet;
            }
            avcodec.av_packet_unref(packet); // audio, metadata
        }
    }

    /** Copies the packet's bytes into Java, e.g. for pre-roll or a viewer. */
    public static byte[] bytes(AVPacket packet) {
        byte[] data = new byte[packet.size()];
        packet.data().capacity(packet.size()).get(data);
        return data;
    }

    public static boolean keyframe(AVPacket packet) {
        return (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        avcodec.av_packet_unref(packet);
        if (format != null) {
            deadline.put(0, System.nanoTime() + timeoutNanos); // RTSP TEARDOWN may block too
            avformat.avformat_close_input(format);
            format = null;
            video = null;
        }
        avcodec.av_packet_free(packet);
        deadline.close();
    }

    private void armDeadline() {
        deadline.put(0, System.nanoTime() + timeoutNanos);
    }

    private StreamException failure(String what, StreamFailure kind, int code) {
        return new StreamException(kind, what + " " + redacted() + ": " + kind.explanation() + " [FFmpeg error " + code + "]");
    }

    /** The URL without credentials, fit for logs and status lines. */
    public String redacted() {
        return url.replaceFirst("//[^/@]*@", "//***@");
    }

    /**
     * One callback for every stream (JavaCPP allows few callback instances per class): each
     * stream's opaque pointer holds its own deadline on the {@link System#nanoTime()} clock.
     */
    private static final class Deadline extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            return System.nanoTime() - new LongPointer(opaque).get() > 0 ? 1 : 0;
        }
    }
}
