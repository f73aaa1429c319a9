package io.canhgac.simulator.rtsp;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SceneClockTest {

    private final SceneClock clock = new SceneClock(Instant.parse("2026-11-22T00:00:00Z"), 1_000_000_000L, 10, 30, 600);

    @Test
    void framesFollowTheWallClockAndTheSceneLoopsWithThePhase() {
        assertThat(clock.frameAt(1_000_000_000L)).isZero();
        assertThat(clock.frameAt(1_099_999_999L)).isZero();
        assertThat(clock.frameAt(1_100_000_000L)).isEqualTo(1);
        assertThat(clock.frameAt(999_999_999L)).isEqualTo(-1);
        assertThat(clock.sceneIndex(0)).isEqualTo(30);
        assertThat(clock.sceneIndex(570)).isZero();
        assertThat(clock.sceneIndex(-31)).isEqualTo(599);
        assertThat(clock.nanosUntilFrame(5, 1_000_000_000L)).isEqualTo(500_000_000L);
        assertThat(clock.sceneOrigin()).isEqualTo(Instant.parse("2026-11-21T23:59:57Z"));
    }
}
