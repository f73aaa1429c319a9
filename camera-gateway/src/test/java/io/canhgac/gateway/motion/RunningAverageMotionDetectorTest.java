package io.canhgac.gateway.motion;

import io.canhgac.gateway.motion.SyntheticFrames.Box;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunningAverageMotionDetectorTest {

    private final SyntheticFrames frames = new SyntheticFrames();
    private final MotionDetector detector = new RunningAverageMotionDetector(MotionSettings.DEFAULTS);

    private void warmUp() {
        for (int i = 0; i < 20; i++) {
            assertThat(detector.analyse(frames.frame(3, 0, null)).motion()).as("warm-up frame %d", i).isFalse();
        }
    }

    @Test
    void noisyStaticSceneIsNeverMotion() {
        warmUp();
        for (int i = 0; i < 300; i++) {
            MotionSample s = detector.analyse(frames.frame(4, 0, null));
            assertThat(s.motion()).as("frame %d score %s", i, s.score()).isFalse();
        }
    }

    @Test
    void carSizedObjectIsMotionOnTheFirstFrameItAppears() {
        warmUp();
        MotionSample s = detector.analyse(frames.frame(3, 0, new Box(100, 200, 80, 40, 20)));
        assertThat(s.motion()).isTrue();
        assertThat(s.score()).isBetween(0.005, 0.05);
    }

    @Test
    void personSizedObjectIsMotion() {
        warmUp();
        MotionSample s = detector.analyse(frames.frame(3, 0, new Box(300, 250, 20, 48, 230)));
        assertThat(s.motion()).isTrue();
    }

    @Test
    void movingObjectStaysMotionWhileItCrossesAndStopsAfterItLeaves() {
        warmUp();
        for (int step = 0; step < 30; step++) {
            Box car = new Box(20 * step, 200, 80, 40, 20);
            assertThat(detector.analyse(frames.frame(3, 0, car)).motion()).as("step %d", step).isTrue();
        }
        detector.analyse(frames.frame(3, 0, null)); // the car leaves; its trail fades from the background
        int quietFrames = 0;
        for (int i = 0; i < 40; i++) {
            if (!detector.analyse(frames.frame(3, 0, null)).motion()) {
                quietFrames++;
            }
        }
        assertThat(quietFrames).isGreaterThanOrEqualTo(35);
    }

    @Test
    void globalBrightnessStepIsNormalisedAwayByTheContrastStretch() {
        warmUp();
        MotionSample step = detector.analyse(frames.frame(3, 40, null));
        assertThat(step.motion()).isFalse();
        assertThat(step.score()).isZero();
        for (int i = 0; i < 50; i++) {
            assertThat(detector.analyse(frames.frame(3, 40, null)).motion()).as("after step, frame %d", i).isFalse();
        }
    }

    @Test
    void aGlobalChangeTheStretchCannotUndoRecalibratesInsteadOfRaisingMotion() {
        warmUp();
        MotionSample glare = detector.analyse(frames.frame(3, 150, null)); // clipped to white: no longer a uniform shift
        assertThat(glare.motion()).isFalse();
        assertThat(glare.suppressed()).isTrue();
        for (int i = 0; i < 50; i++) {
            assertThat(detector.analyse(frames.frame(3, 150, null)).motion()).as("after glare, frame %d", i).isFalse();
        }
    }

    @Test
    void tinySpeckIsNotMotion() {
        warmUp();
        MotionSample s = detector.analyse(frames.frame(3, 0, new Box(300, 100, 4, 4, 255)));
        assertThat(s.motion()).isFalse();
    }
}
