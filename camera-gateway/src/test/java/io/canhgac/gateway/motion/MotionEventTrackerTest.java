package io.canhgac.gateway.motion;

import io.canhgac.contract.EventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MotionEventTrackerTest {

    private static final MotionSample MOVING = new MotionSample(0.02, true, false);
    private static final MotionSample PEAK = new MotionSample(0.05, true, false);

    private final MotionEventTracker tracker = new MotionEventTracker(2, 3);
    private final Instant t0 = Instant.parse("2026-11-22T01:00:00Z");

    private Optional<MotionEventTracker.Transition> at(int frame, MotionSample sample) {
        return tracker.update(sample, t0.plusMillis(100L * frame));
    }

    @Test
    void singleNoisyFrameIsNoEvent() {
        assertThat(at(0, MOVING)).isEmpty();
        assertThat(at(1, MotionSample.QUIET)).isEmpty();
        assertThat(at(2, MOVING)).isEmpty();
        assertThat(at(3, MotionSample.QUIET)).isEmpty();
        assertThat(tracker.isActive()).isFalse();
    }

    @Test
    void startIsDatedAtFirstMovingFrameAndEndCarriesThePeak() {
        assertThat(at(0, MotionSample.QUIET)).isEmpty();
        assertThat(at(1, MOVING)).isEmpty();
        var start = at(2, PEAK).orElseThrow();
        assertThat(start.type()).isEqualTo(EventType.MOTION_START);
        assertThat(start.at()).isEqualTo(t0.plusMillis(100));
        assertThat(at(3, MOVING)).isEmpty();
        assertThat(at(4, MotionSample.QUIET)).isEmpty();
        assertThat(at(5, MotionSample.QUIET)).isEmpty();
        var end = at(6, MotionSample.QUIET).orElseThrow();
        assertThat(end.type()).isEqualTo(EventType.MOTION_END);
        assertThat(end.at()).isEqualTo(t0.plusMillis(300));
        assertThat(end.score()).isEqualTo(0.05);
    }

    @Test
    void interruptEndsAnOpenEventOnce() {
        at(0, MOVING);
        at(1, MOVING);
        assertThat(tracker.interrupt()).map(MotionEventTracker.Transition::type).contains(EventType.MOTION_END);
        assertThat(tracker.interrupt()).isEmpty();
    }
}
