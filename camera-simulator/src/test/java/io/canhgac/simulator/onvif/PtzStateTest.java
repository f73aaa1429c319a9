package io.canhgac.simulator.onvif;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PtzStateTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final PtzState ptz = new PtzState(nanos::get, List.of(new PtzPreset("home", "Home", PtzVector.ZERO)));

    private void advance(double seconds) {
        nanos.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void velocityIntegratesOverTimeAndClampsAtTheLimits() {
        ptz.continuousMove(new PtzVector(0.5, -1, 1), Optional.empty());
        advance(1);
        assertThat(ptz.position().pan()).isCloseTo(0.5, within(1e-9));
        assertThat(ptz.position().tilt()).isCloseTo(-1, within(1e-9));
        assertThat(ptz.position().zoom()).isCloseTo(1, within(1e-9));
        advance(10);
        assertThat(ptz.position()).isEqualTo(new PtzVector(1, -1, 1));
        // Reversing from the limit moves back at once rather than unwinding an overshoot.
        ptz.continuousMove(new PtzVector(-1, 0, 0), Optional.empty());
        advance(0.25);
        assertThat(ptz.position().pan()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void stopKeepsThePositionAndATimeoutStopsByItself() {
        ptz.continuousMove(new PtzVector(1, 0, 0.5), Optional.of(Duration.ofMillis(500)));
        advance(0.2);
        ptz.stop(false, true); // stop zoom only
        advance(0.2);
        assertThat(ptz.position().zoom()).isCloseTo(0.1, within(1e-9));
        assertThat(ptz.position().pan()).isCloseTo(0.4, within(1e-9));
        advance(5); // the 0.5 s timeout ended the pan
        assertThat(ptz.position().pan()).isCloseTo(0.5, within(1e-9));
        assertThat(ptz.isMoving()).isFalse();
    }

    @Test
    void gotoPresetJumpsAndStopsAnyMove() {
        ptz.continuousMove(new PtzVector(1, 1, 1), Optional.empty());
        advance(0.3);
        assertThat(ptz.gotoPreset("home")).isTrue();
        advance(1);
        assertThat(ptz.position()).isEqualTo(PtzVector.ZERO);
        assertThat(ptz.gotoPreset("missing")).isFalse();
    }
}
