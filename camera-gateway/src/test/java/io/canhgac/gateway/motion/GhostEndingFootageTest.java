package io.canhgac.gateway.motion;

import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.video.LumaFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real footage that freezes with the cars in it: the CDnet 2014 highway clip from ../shared plays
 * for 8 s (from frame 640 on, cars move in every picture), then its last picture stays. Motion must
 * stop within the still frames; the former detector kept the frozen cars as motion for seconds.
 */
class GhostEndingFootageTest {

    private static final int FIRST = 640;
    private static final int PLAYED = 200; // 8 s at 25 fps
    private static final int FROZEN = 100;
    private static final List<byte[]> pictures = new ArrayList<>();
    private static int width;
    private static int height;

    @BeforeAll
    static void decode() throws FrameGrabber.Exception {
        Path clip = OnvifCaptureTest.sharedDir().resolve("data/video/highway-cdnet2014-320x240.avi");
        assumeTrue(Files.isRegularFile(clip), "real footage not found at " + clip + "; test skipped");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile())) {
            g.setImageMode(FrameGrabber.ImageMode.GRAY);
            g.start();
            for (int i = 0; i < FIRST + PLAYED; i++) {
                Frame f = g.grabImage();
                if (i < FIRST) {
                    continue;
                }
                width = f.imageWidth;
                height = f.imageHeight;
                byte[] y = new byte[width * height];
                ByteBuffer plane = (ByteBuffer) f.image[0];
                for (int r = 0; r < height; r++) {
                    plane.get(r * f.imageStride, y, r * width, width);
                }
                pictures.add(y);
            }
            g.stop();
        }
    }

    /** @return per frame, whether it was motion: the played frames, then the frozen ones */
    private static boolean[] run(MotionSettings settings) {
        MotionDetector d = new RunningAverageMotionDetector(settings);
        boolean[] motion = new boolean[PLAYED + FROZEN];
        Instant t0 = Instant.parse("2026-12-07T08:00:00Z");
        for (int i = 0; i < motion.length; i++) {
            byte[] y = pictures.get(Math.min(i, PLAYED - 1));
            motion[i] = d.analyse(new LumaFrame(ByteBuffer.wrap(y), width, height, width, t0.plusMillis(40L * i))).motion();
        }
        return motion;
    }

    private static int motionFramesAfterFreeze(boolean[] motion) {
        int n = 0;
        while (PLAYED + n < motion.length && motion[PLAYED + n]) {
            n++;
        }
        return n;
    }

    @Test
    void carsFrozenInThePictureAreNoLongerMotionWithinTheStillFrames() {
        boolean[] motion = run(MotionSettings.DEFAULTS);
        int moving = 0;
        for (int i = MotionSettings.DEFAULTS.warmupFrames(); i < PLAYED; i++) {
            moving += motion[i] ? 1 : 0;
        }
        assertThat(moving).as("frames with motion while the cars drive").isGreaterThanOrEqualTo((PLAYED - 5) * 98 / 100);
        assertThat(motionFramesAfterFreeze(motion)).isLessThanOrEqualTo(MotionSettings.DEFAULTS.stillFrames() + 1);
        for (int i = PLAYED + MotionSettings.DEFAULTS.stillFrames() + 1; i < motion.length; i++) {
            assertThat(motion[i]).as("frozen frame %d", i - PLAYED).isFalse();
        }
    }

    @Test
    void theFormerDetectorKeptTheFrozenCarsAsMotion() {
        assertThat(motionFramesAfterFreeze(run(MotionSettings.DEFAULTS.withStillFrames(0)))).isGreaterThan(25);
    }
}
