package io.canhgac.gateway.video;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.FrameGrabber;

import java.time.Duration;
import java.time.Instant;

/**
 * Pulls an RTSP stream over TCP with FFmpeg and hands out the decoder's own Y plane: one decoding
 * thread, no pixel conversion, short probing so a camera opens in about half a second. JavaCV only
 * opens the stream and reads packets; we decode them ourselves ({@link VideoDecoder}) so that the same
 * read also gives the camera's compressed packets to a {@link PacketTap} (stats, pre-roll, clips).
 */
public final class FfmpegFrameSource implements FrameSource {

    static {
        FFmpegLogCallback.setLevel(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    }

    private final String url;
    private final Duration ioTimeout;
    private final PacketTap tap;
    private FFmpegFrameGrabber grabber;
    private VideoDecoder decoder;
    private int videoStream;
    private long lastFrameNanos;

    /** @param ioTimeout how long a connect or a read may wait for data before the stream counts as stalled */
    public FfmpegFrameSource(String url, Duration ioTimeout) {
        this(url, ioTimeout, PacketTap.NONE);
    }

    public FfmpegFrameSource(String url, Duration ioTimeout, PacketTap tap) {
        this.url = url;
        this.ioTimeout = ioTimeout;
        this.tap = tap;
    }

    @Override
    public void open() throws StreamException {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        g.setOption("rtsp_transport", "tcp");
        g.setOption("analyzeduration", "200000");
        g.setOption("probesize", "32768");
        g.setOption("fflags", "nobuffer");
        g.setOption("timeout", String.valueOf(ioTimeout.toNanos() / 1000)); // socket I/O timeout, µs
        g.setTimeout((int) ioTimeout.toMillis()); // JavaCV's interrupt callback: bounds the blocking calls too
        g.setVideoOption("threads", "1");
        g.setImageMode(FrameGrabber.ImageMode.RAW);
        long started = System.nanoTime();
        try {
            // not start(): it holds a JVM-wide lock while connecting, so one silent camera would
            // delay every other camera's (re)connect; FFmpeg 8 opens codecs thread-safely itself
            g.startUnsafe();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(g);
            // a camera that accepts but never answers fails as "invalid data" once our timeout interrupts it
            boolean timedOut = System.nanoTime() - started >= ioTimeout.toNanos() * 9 / 10;
            throw failure(e, "cannot open", timedOut ? StreamFailure.TIMEOUT : FfmpegErrors.classify(e.getMessage()));
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            closeQuietly(g);
            throw new StreamException(StreamFailure.BAD_STREAM, "no video in stream " + redacted());
        }
        AVFormatContext format = g.getFormatContext();
        AVStream stream = null;
        for (int i = 0; i < format.nb_streams() && stream == null; i++) {
            if (format.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                stream = format.streams(i);
            }
        }
        try {
            if (stream == null) {
                throw new IllegalStateException("no video stream");
            }
            decoder = VideoDecoder.open(stream);
        } catch (RuntimeException e) {
            closeQuietly(g);
            throw new StreamException(StreamFailure.BAD_STREAM, "cannot decode " + redacted() + ": " + e.getMessage(), e);
        }
        videoStream = stream.index();
        grabber = g;
        lastFrameNanos = System.nanoTime();
        tap.opened(VideoDecoder.parameters(stream));
    }

    @Override
    public LumaFrame next() throws StreamException {
        if (grabber == null) {
            throw new IllegalStateException("not open");
        }
        while (true) {
            // one packet may hold no picture yet, or (rarely) a decoder may give two: ask it first
            LumaFrame frame = decoder.receive();
            if (frame != null) {
                lastFrameNanos = System.nanoTime();
                return frame;
            }
            AVPacket packet;
            try {
                packet = grabber.grabPacket();
            } catch (FrameGrabber.Exception e) {
                throw failure(e, "read failed", FfmpegErrors.classify(e.getMessage()));
            }
            if (packet == null) {
                // FFmpeg reports a timeout interrupt and a closed connection alike: tell them apart by the clock
                boolean stalled = System.nanoTime() - lastFrameNanos >= ioTimeout.toNanos() * 9 / 10;
                StreamFailure kind = stalled ? StreamFailure.TIMEOUT : StreamFailure.ENDED;
                throw new StreamException(kind, (stalled ? "no picture for " + ioTimeout.toMillis() + " ms from " : "stream closed by ")
                        + redacted() + ": " + kind.explanation());
            }
            try {
                if (packet.stream_index() == videoStream && packet.size() > 0) {
                    tap.packet(copy(packet));
                    decoder.send(packet); // a corrupt packet is skipped, as FFmpeg's own players do
                }
            } finally {
                avcodec.av_packet_unref(packet); // JavaCV's grabPacket leaves that to its caller
            }
        }
    }

    private static VideoPacket copy(AVPacket packet) {
        byte[] data = new byte[packet.size()];
        packet.data().get(data);
        return new VideoPacket(data, packet.pts(), packet.dts(), (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0, Instant.now());
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        if (grabber != null) {
            closeQuietly(grabber);
            grabber = null;
            tap.closed();
        }
    }

    private StreamException failure(FrameGrabber.Exception e, String what, StreamFailure kind) {
        return new StreamException(kind, what + " " + redacted() + ": " + kind.explanation()
                + FfmpegErrors.code(e.getMessage()).map(c -> " [FFmpeg error " + c + "]").orElse(""), e);
    }

    /** The URL without credentials, fit for logs and status lines. */
    private String redacted() {
        return url.replaceFirst("//[^/@]*@", "//***@");
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.releaseUnsafe(); // not close(): same JVM-wide lock as start()
        } catch (Exception ignored) {
            // closing a broken stream may fail again; nothing more to do
        }
    }
}
