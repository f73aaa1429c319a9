package io.canhgac.bench.accuracy;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real footage read picture by picture as grey pictures of a chosen size, for scenes built from it. */
final class FootageClip implements AutoCloseable {

    /**
     * @param firstFrame  the picture the scenes start from: one from which the footage always moves
     * @param stopRegions three parts of the picture in which it moves all along the scenes' plays
     */
    record Source(String name, Path file, int width, int height, int fps, int firstFrame,
                  java.util.List<FootageScenes.Region> stopRegions) {
        boolean present() {
            return Files.isRegularFile(file);
        }
    }

    /** Pedestrians in a plaza, fixed camera (OpenCV's sample, Debian package opencv-doc), 768x576 shown at 480x360. */
    static final Path VTEST = Path.of("/usr/share/doc/opencv-doc/examples/data/vtest.avi");

    static {
        FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
    }

    private final Source source;
    private final FFmpegFrameGrabber grabber;

    FootageClip(Source source) throws FrameGrabber.Exception {
        this.source = source;
        this.grabber = new FFmpegFrameGrabber(source.file().toFile());
        grabber.setImageMode(FrameGrabber.ImageMode.GRAY);
        grabber.setImageWidth(source.width());
        grabber.setImageHeight(source.height());
        grabber.setVideoOption("threads", "1");
        grabber.start();
        for (int i = 0; i < source.firstFrame(); i++) {
            grabber.grabImage();
        }
    }

    /** The next picture, copied (width x height bytes, no padding). */
    byte[] next() throws FrameGrabber.Exception {
        Frame f = grabber.grabImage();
        if (f == null) {
            throw new IllegalStateException(source.name() + " has no more pictures: the scene is longer than the clip");
        }
        ByteBuffer y = (ByteBuffer) f.image[0];
        byte[] out = new byte[source.width() * source.height()];
        for (int r = 0; r < source.height(); r++) {
            y.get(r * f.imageStride, out, r * source.width(), source.width());
        }
        return out;
    }

    @Override
    public void close() throws FrameGrabber.Exception {
        grabber.stop();
        grabber.release();
    }
}
