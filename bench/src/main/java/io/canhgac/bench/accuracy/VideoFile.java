package io.canhgac.bench.accuracy;

import io.canhgac.gateway.video.LumaFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;

/** Decodes a video file as the gateway decodes a stream (one thread, the decoder's own Y plane) and hands each picture on. */
final class VideoFile {

    static {
        FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
    }

    @FunctionalInterface
    interface FrameConsumer {
        void accept(int index, LumaFrame frame);
    }

    private VideoFile() {
    }

    /**
     * @param format  the container, or null to let FFmpeg probe (a raw H.264 file needs "h264")
     * @param fps     picture rate used to date the frames from {@code t0}
     * @return the number of pictures decoded
     */
    static int decode(Path file, String format, Instant t0, int fps, FrameConsumer consumer) throws FrameGrabber.Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            if (format != null) {
                g.setFormat(format);
            }
            g.setVideoOption("threads", "1");
            g.setImageMode(FrameGrabber.ImageMode.RAW);
            g.start();
            int index = 0;
            Frame frame;
            while ((frame = g.grabImage()) != null) {
                if (frame.image == null) {
                    continue;
                }
                consumer.accept(index, new LumaFrame((ByteBuffer) frame.image[0], frame.imageWidth, frame.imageHeight,
                        frame.imageStride, t0.plusNanos(index * 1_000_000_000L / fps)));
                index++;
            }
            g.stop();
            return index;
        }
    }
}
