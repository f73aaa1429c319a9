package io.canhgac.gateway.live;

import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A current JPEG of a camera stream for weak links (refresh an image instead of streaming video):
 * decodes one keyframe only — the live pull's newest when the stream is being watched, otherwise
 * the first one of a short connection of its own — encodes it once and lets every request in
 * the next moments share it. Decoding runs on its own threads, never on the event loop.
 */
final class SnapshotService implements AutoCloseable {

    private record Cached(CompletableFuture<byte[]> jpeg, long madeAtNanos) {
    }

    private final CameraStreams cameras;
    private final LiveSettings settings;
    private final Function<StreamKey, Optional<byte[]>> runningKeyframes;
    private final Map<StreamKey, Cached> cache = new HashMap<>();
    private final ExecutorService decoders = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "live-snapshot");
        t.setDaemon(true);
        return t;
    });

    /** @param runningKeyframes the newest keyframe (Annex B with SPS and PPS) of a stream already pulled, if any */
    SnapshotService(CameraStreams cameras, LiveSettings settings, Function<StreamKey, Optional<byte[]>> runningKeyframes) {
        this.cameras = cameras;
        this.settings = settings;
        this.runningKeyframes = runningKeyframes;
    }

    /** Empty when the gateway has no such camera stream; otherwise the JPEG, or a {@link StreamException}. */
    synchronized Optional<CompletableFuture<byte[]>> jpeg(StreamKey key) {
        Optional<String> url = cameras.rtspUrl(key.cameraId(), key.stream());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached c = cache.get(key);
        boolean fresh = c != null && (!c.jpeg().isDone() || now - c.madeAtNanos() < settings.snapshotMaxAge().toNanos());
        if (fresh && !c.jpeg().isCompletedExceptionally()) {
            return Optional.of(c.jpeg());
        }
        Optional<byte[]> keyframe = runningKeyframes.apply(key);
        CompletableFuture<byte[]> made = CompletableFuture.supplyAsync(
                () -> keyframe.isPresent() ? decodeKeyframe(keyframe.get()) : decode(url.get()), decoders);
        cache.put(key, new Cached(made, now));
        return Optional.of(made);
    }

    /** One Annex B keyframe, decoded from memory. */
    private static byte[] decodeKeyframe(byte[] annexB) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(new ByteArrayInputStream(annexB), 0);
        g.setFormat("h264");
        g.setVideoOption("threads", "1");
        return grabJpeg(g);
    }

    private byte[] decode(String url) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        g.setOption("rtsp_transport", "tcp");
        g.setOption("analyzeduration", "200000");
        g.setOption("probesize", "32768");
        g.setOption("timeout", String.valueOf(settings.ioTimeout().toNanos() / 1000));
        g.setTimeout((int) settings.ioTimeout().toMillis());
        g.setVideoOption("threads", "1");
        g.setVideoOption("skip_frame", "nokey"); // the decoder skips everything but keyframes: the first picture is whole
        return grabJpeg(g);
    }

    private static byte[] grabJpeg(FFmpegFrameGrabber g) {
        try {
            g.startUnsafe();
            Frame frame = g.grabImage();
            if (frame == null || frame.image == null) {
                throw new IllegalStateException(new StreamException(StreamFailure.ENDED, "no picture from the camera"));
            }
            BufferedImage image = new Java2DFrameConverter().convert(frame);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) { // FrameGrabber.Exception included
            throw new IllegalStateException(new StreamException(StreamFailure.BAD_STREAM,
                    "cannot read a picture from the camera: " + e.getMessage(), e));
        } finally {
            try {
                g.releaseUnsafe();
            } catch (Exception ignored) {
                // nothing more to do with a broken stream
            }
        }
    }

    @Override
    public void close() {
        decoders.shutdownNow();
    }
}
