package io.canhgac.gateway.camera;

import io.canhgac.gateway.video.LumaFrame;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Defocus on synthetic pictures: a textured scene, then the same scene box-blurred, with live sensor noise. */
class DefocusDetectionTest {

    static final int W = 640;
    static final int H = 360;
    private final PictureHealthMonitor monitor = new PictureHealthMonitor(Duration.ofSeconds(3));
    private final SplittableRandom noise = new SplittableRandom(11);
    private final Instant t0 = Instant.parse("2026-11-22T02:00:00Z");
    private final int[] scene = new int[W * H];
    private final int[] blurredScene;

    DefocusDetectionTest() {
        SplittableRandom r = new SplittableRandom(5);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // fields, a road and houses: blocks of different grey with sharp edges
                scene[y * W + x] = 60 + ((x / 23 + y / 17) % 5) * 25 + ((x / 7) % 3 == 0 && y > 240 ? 30 : 0);
            }
        }
        for (int i = 0; i < 300; i++) { // small sharp details (signs, windows)
            int x = r.nextInt(W - 6);
            int y = r.nextInt(H - 6);
            for (int dy = 0; dy < 4; dy++) {
                for (int dx = 0; dx < 4; dx++) {
                    scene[(y + dy) * W + x + dx] = 230;
                }
            }
        }
        blurredScene = boxBlur(scene, 3);
    }

    private LumaFrame frame(int index, int[] picture, double gain, int offset) {
        byte[] y = new byte[W * H];
        for (int i = 0; i < y.length; i++) {
            int v = (int) Math.round(picture[i] * gain) + offset + noise.nextInt(5) - 2;
            y[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return new LumaFrame(ByteBuffer.wrap(y), W, H, W, t0.plusMillis(100L * index));
    }

    @Test
    void aBlurredPictureIsDefocusedAfterThreeSecondsAndASharpOneClearsIt() {
        int i = 0;
        for (; i < 100; i++) {
            assertThat(monitor.observe(frame(i, scene, 1, 0))).as("sharp, frame %d", i).isEmpty();
        }
        Optional<PictureHealthMonitor.Change> change = Optional.empty();
        int blurStart = i;
        for (; i < blurStart + 60 && change.isEmpty(); i++) {
            change = monitor.observe(frame(i, blurredScene, 1, 0));
        }
        assertThat(change).contains(new PictureHealthMonitor.Change(Optional.of(PictureProblem.DEFOCUSED)));
        assertThat(i - blurStart).as("frames until reported").isBetween(30, 40);
        change = Optional.empty();
        int sharpAgain = i;
        for (; i < sharpAgain + 20 && change.isEmpty(); i++) {
            change = monitor.observe(frame(i, scene, 1, 0));
        }
        assertThat(change).contains(new PictureHealthMonitor.Change(Optional.empty()));
    }

    @Test
    void lightingGainAndTheIrSwitchAreNotDefocus() {
        int i = 0;
        for (; i < 100; i++) {
            assertThat(monitor.observe(frame(i, scene, 1, 0))).isEmpty();
        }
        for (; i < 200; i++) {
            assertThat(monitor.observe(frame(i, scene, 0.7, 40))).as("IR-like grey picture, frame %d", i).isEmpty();
        }
        for (; i < 300; i++) {
            assertThat(monitor.observe(frame(i, scene, 1.2, -30))).as("auto exposure, frame %d", i).isEmpty();
        }
    }

    @Test
    void sharpnessRatioFallsWithBlurAndNotWithGain() {
        SharpnessGauge gauge = new SharpnessGauge();
        for (int i = 0; i < SharpnessGauge.LEARN_FRAMES; i++) {
            assertThat(gauge.blurred(frame(i, scene, 1, 0))).isFalse();
        }
        assertThat(gauge.blurred(frame(20, scene, 0.5, 60))).isFalse();
        assertThat(gauge.blurred(frame(21, blurredScene, 1, 0))).isTrue();
    }

    private static int[] boxBlur(int[] src, int radius) {
        int[] tmp = new int[src.length];
        int[] out = new int[src.length];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int sum = 0, n = 0;
                for (int d = -radius; d <= radius; d++) {
                    int xx = Math.max(0, Math.min(W - 1, x + d));
                    sum += src[y * W + xx];
                    n++;
                }
                tmp[y * W + x] = sum / n;
            }
        }
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int sum = 0, n = 0;
                for (int d = -radius; d <= radius; d++) {
                    int yy = Math.max(0, Math.min(H - 1, y + d));
                    sum += tmp[yy * W + x];
                    n++;
                }
                out[y * W + x] = sum / n;
            }
        }
        return out;
    }
}
