package io.canhgac.gateway.camera;

import io.canhgac.gateway.video.LumaFrame;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PictureHealthMonitorTest {

    static final int W = 320;
    static final int H = 180;
    private final PictureHealthMonitor monitor = new PictureHealthMonitor(Duration.ofSeconds(3));
    private final SplittableRandom random = new SplittableRandom(3);
    private final Instant t0 = Instant.parse("2026-11-22T02:00:00Z");

    private LumaFrame frame(int frameIndex, int base, int texture, int noise, long seed) {
        byte[] y = new byte[W * H];
        SplittableRandom r = seed < 0 ? random : new SplittableRandom(seed);
        for (int i = 0; i < y.length; i++) {
            int v = base + ((i % W) / 20 % 2) * texture + (noise > 0 ? r.nextInt(2 * noise + 1) - noise : 0);
            y[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return new LumaFrame(ByteBuffer.wrap(y), W, H, W, t0.plusMillis(100L * frameIndex));
    }

    @Test
    void noisyLivePictureIsNeverAProblem() {
        for (int i = 0; i < 200; i++) {
            assertThat(monitor.observe(frame(i, 100, 40, 3, -1))).isEmpty();
        }
    }

    @Test
    void identicalFramesForThreeSecondsAreFrozenAndAChangedFrameClearsIt() {
        monitor.observe(frame(0, 100, 40, 3, -1));
        // frame 2 is the first repeat (t = 0.2 s): frozen is reported 3 s later, at frame 32
        for (int i = 1; i < 32; i++) {
            assertThat(monitor.observe(frame(i, 100, 40, 3, 42))).as("frame %d, not yet 3 s", i).isEmpty();
        }
        assertThat(monitor.observe(frame(32, 100, 40, 3, 42)))
                .contains(new PictureHealthMonitor.Change(Optional.of(PictureProblem.FROZEN)));
        assertThat(monitor.observe(frame(33, 100, 40, 3, 42))).isEmpty();
        assertThat(monitor.observe(frame(34, 100, 40, 3, -1)))
                .contains(new PictureHealthMonitor.Change(Optional.empty()));
    }

    @Test
    void aDarkFlatPictureIsCoveredButADarkTexturedNightSceneIsNot() {
        for (int i = 0; i < 40; i++) {
            assertThat(monitor.observe(frame(i, 18, 40, 2, -1))).as("night scene with contrast, frame %d", i).isEmpty();
        }
        Optional<PictureHealthMonitor.Change> change = Optional.empty();
        for (int i = 40; i < 80 && change.isEmpty(); i++) {
            change = monitor.observe(frame(i, 16, 0, 1, -1));
        }
        assertThat(change).contains(new PictureHealthMonitor.Change(Optional.of(PictureProblem.COVERED)));
    }
}
