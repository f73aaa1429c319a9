package io.canhgac.gateway.motion;

import io.canhgac.contract.EventType;
import io.canhgac.gateway.motion.SyntheticFrames.Box;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Motion ends when the motion ends: a person who stops, a picture that freezes, the place an object
 * left. Before, the slowly learned background kept such ghosts as motion for 10 s and more.
 */
class GhostEndingTest {

    private static final int STILL = MotionSettings.DEFAULTS.stillFrames();
    private final SyntheticFrames frames = new SyntheticFrames();

    private static MotionDetector detector(MotionSettings settings) {
        return new RunningAverageMotionDetector(settings);
    }

    private void warmUp(MotionDetector d) {
        for (int i = 0; i < 20; i++) {
            d.analyse(frames.frame(3, 0, null));
        }
    }

    /** Walks a person-sized box 6 px a frame for {@code steps} frames; returns where it stands. */
    private Box walk(MotionDetector d, int steps) {
        Box person = null;
        for (int step = 0; step < steps; step++) {
            person = new Box(100 + 6 * step, 200, 24, 56, 230);
            assertThat(d.analyse(frames.frame(3, 0, person)).motion()).as("walking, step %d", step).isTrue();
        }
        return person;
    }

    /** Frames of motion after the picture stops changing, counted until the first quiet one. */
    private int motionFramesAfterStop(MotionDetector d, double noise, Box standing) {
        for (int i = 0; i < 200; i++) {
            if (!d.analyse(frames.frame(noise, 0, standing)).motion()) {
                return i;
            }
        }
        return 200;
    }

    @Test
    void aPersonWhoStopsInThePictureIsNoLongerMotionWithinTheStillFrames() {
        MotionDetector d = detector(MotionSettings.DEFAULTS);
        warmUp(d);
        Box standing = walk(d, 40);
        assertThat(motionFramesAfterStop(d, 3, standing)).isBetween(1, STILL + 1);
        for (int i = 0; i < 100; i++) {
            assertThat(d.analyse(frames.frame(3, 0, standing)).motion()).as("standing, frame %d", i).isFalse();
        }
    }

    @Test
    void theFormerDetectorKeptTheStandingPersonAsMotionForSeconds() {
        MotionDetector d = detector(MotionSettings.DEFAULTS.withStillFrames(0));
        warmUp(d);
        Box standing = walk(d, 40);
        assertThat(motionFramesAfterStop(d, 3, standing)).isGreaterThan(30);
    }

    @Test
    void aFrozenPictureUnderHeavyNoiseEndsToo() {
        MotionDetector d = detector(MotionSettings.DEFAULTS);
        warmUp(d);
        Box standing = walk(d, 40);
        assertThat(motionFramesAfterStop(d, 6, standing)).isBetween(1, STILL + 3);
    }

    @Test
    void thePlaceAnObjectLeftIsNotMotionForLong() {
        MotionDetector d = detector(MotionSettings.DEFAULTS);
        warmUp(d);
        walk(d, 60); // the background learned part of the person along its path; then the person is gone
        assertThat(motionFramesAfterStop(d, 3, null)).isLessThanOrEqualTo(STILL + 1);
    }

    @Test
    void aSlowWalkerStaysMotionAllAlong() {
        MotionDetector d = detector(MotionSettings.DEFAULTS);
        warmUp(d);
        for (int step = 0; step < 150; step++) { // 1 px a frame: a cell's worth every four frames
            Box person = new Box(100 + step, 200, 24, 56, 230);
            assertThat(d.analyse(frames.frame(3, 0, person)).motion()).as("slow step %d", step).isTrue();
        }
    }

    @Test
    void aStandingPersonWhoWalksOnIsMotionAtOnce() {
        MotionDetector d = detector(MotionSettings.DEFAULTS);
        warmUp(d);
        Box standing = walk(d, 30);
        for (int i = 0; i < 30; i++) {
            d.analyse(frames.frame(3, 0, standing));
        }
        Box on = new Box(standing.left() + 6, standing.top(), standing.width(), standing.height(), standing.luma());
        assertThat(d.analyse(frames.frame(3, 0, on)).motion()).isTrue();
    }

    @Test
    void theEventEndsAboutASecondAfterThePersonStops() {
        MotionDetector d = detector(MotionSettings.DEFAULTS);
        MotionEventTracker tracker = new MotionEventTracker(2, 10);
        Instant t0 = Instant.parse("2026-12-07T08:00:00Z");
        int frame = 0;
        for (; frame < 20; frame++) {
            tracker.update(d.analyse(frames.frame(3, 0, null)), t0.plusMillis(100L * frame));
        }
        Box person = null;
        for (int step = 0; step < 40; step++, frame++) {
            person = new Box(100 + 6 * step, 200, 24, 56, 230);
            tracker.update(d.analyse(frames.frame(3, 0, person)), t0.plusMillis(100L * frame));
        }
        int stoppedAt = frame;
        List<MotionEventTracker.Transition> ends = new java.util.ArrayList<>();
        for (; frame < stoppedAt + 100 && ends.isEmpty(); frame++) {
            tracker.update(d.analyse(frames.frame(3, 0, person)), t0.plusMillis(100L * frame))
                    .filter(t -> t.type() == EventType.MOTION_END).ifPresent(ends::add);
        }
        assertThat(ends).hasSize(1);
        assertThat(frame - stoppedAt).as("frames from the stop until the end is emitted").isLessThanOrEqualTo(STILL + 1 + 10);
        assertThat(ends.get(0).at()).isBefore(t0.plusMillis(100L * (stoppedAt + STILL + 1)));
    }
}
