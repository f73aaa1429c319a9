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
import java.time.Duration;

/**
 * One keyframe decoded to a JPEG: from memory (a pull's newest keyframe) or from the first keyframe
 * of a short RTSP connection. Blocking; failures are an {@link IllegalStateException} around a
 * {@link StreamException} so they pass through a {@code CompletableFuture}.
 */
final class SnapshotDecoder {

    private SnapshotDecoder() {
    }

    /** One Annex B keyframe with its parameter sets, decoded from memory. */
    static byte[] fromKeyframe(byte[] annexB) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(new ByteArrayInputStream(annexB), 0);
        g.setFormat("h264");
        g.setVideoOption("threads", "1");
        return grabJpeg(g);
    }

    static byte[] fromRtsp(String url, Duration ioTimeout) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        g.setOption("rtsp_transport", "tcp");
        g.setOption("analyzeduration", "200000");
        g.setOption("probesize", "32768");
        g.setOption("timeout", String.valueOf(ioTimeout.toNanos() / 1000));
        g.setTimeout((int) ioTimeout.toMillis());
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
}
