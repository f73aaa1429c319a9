package io.canhgac.gateway.video;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

/**
 * Pulls an RTSP stream over TCP with FFmpeg and hands out the decoder's own Y plane: one decoding
 * thread, no pixel conversion, short probing so a camera opens in about half a second.
 */
public final class FfmpegFrameSource implements FrameSource {

    static {
        FFmpegLogCallback.setLevel(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    }

    private final String url;
    private final Duration ioTimeout;
    private FFmpegFrameGrabber grabber;
    private long lastFrameNanos;

    /** @param ioTimeout how long a connect or a read may wait for data before the stream counts as stalled */
    public FfmpegFrameSource(String url, Duration ioTimeout) {
        this.url = url;
        this.ioTimeout = ioTimeout;
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
        grabber = g;
        lastFrameNanos = System.nanoTime();
    }

    @Override
    public LumaFrame next() throws StreamException {
        if (grabber == null) {
            throw new IllegalStateException("not open");
        }
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw failure(e, "read failed", FfmpegErrors.classify(e.getMessage()));
        }
        long now = System.nanoTime();
        if (frame == null || frame.image == null) {
            // FFmpeg reports a timeout interrupt and a closed connection alike: tell them apart by the clock
            boolean stalled = now - lastFrameNanos >= ioTimeout.toNanos() * 9 / 10;
            StreamFailure kind = stalled ? StreamFailure.TIMEOUT : StreamFailure.ENDED;
            throw new StreamException(kind, (stalled ? "no picture for " + ioTimeout.toMillis() + " ms from " : "stream closed by ")
                    + redacted() + ": " + kind.explanation());
        }
        lastFrameNanos = now;
        ByteBuffer y = (ByteBuffer) frame.image[0];
        return new LumaFrame(y, frame.imageWidth, frame.imageHeight, frame.imageStride, Instant.now());
    }

    @Override
    public void close() {
        if (grabber != null) {
            closeQuietly(grabber);
            grabber = null;
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
