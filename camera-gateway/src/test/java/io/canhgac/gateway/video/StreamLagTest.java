package io.canhgac.gateway.video;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamLagTest {

    private static final long FRAME = 100_000_000L; // 10 fps
    private static final long MS = 1_000_000L;

    @Test
    void aGatewayKeepingUpHasNoLateFramesDespiteJitterAndABurstAtOpening() {
        StreamLag lag = new StreamLag();
        long t = 5_000 * MS;
        for (int i = 0; i < 5; i++) { // pictures buffered while the stream opened, analysed at once
            lag.observe(i * FRAME, t + i * MS);
        }
        for (int i = 5; i < 600; i++) {
            long jitter = (i % 7) * 10 * MS; // up to 60 ms late now and then
            lag.observe(i * FRAME, t + (i - 4) * FRAME + jitter);
        }
        StreamLag.Snapshot s = lag.snapshot();
        assertThat(s.frames()).isEqualTo(600);
        assertThat(s.lateFrames()).isZero();
        assertThat(s.worstMillis()).isBetween(50L, 60L); // the jitter; the opening burst counts as early
    }

    @Test
    void aGatewayFallingBehindCountsLateFrames() {
        StreamLag lag = new StreamLag();
        for (int i = 0; i < 100; i++) {
            lag.observe(i * FRAME, i * (FRAME + 10 * MS)); // 110 ms per picture for a 100 ms camera
        }
        StreamLag.Snapshot s = lag.snapshot();
        assertThat(s.lateFrames()).isEqualTo(100 - 21); // late once 10 ms per picture add up past 200 ms
        assertThat(s.worstMillis()).isBetween(970L, 990L);
    }

    @Test
    void aCameraClockRunningSlowIsNotTakenForFallingBehind() {
        StreamLag lag = new StreamLag();
        for (int i = 0; i < 36_000; i++) { // one hour at 10 fps, the camera's clock 100 ppm slow
            lag.observe(Math.round(i * FRAME * (1 - 100e-6)), (long) i * FRAME);
        }
        assertThat(lag.snapshot().lateFrames()).isZero();
    }

    @Test
    void picturesWithoutAStreamClockAndNewSessionsAreHandled() {
        StreamLag lag = new StreamLag();
        lag.observe(LumaFrame.NO_STREAM_TIME, 0);
        assertThat(lag.snapshot().frames()).isZero();
        lag.observe(90_000 * FRAME, 0);
        lag.restart(); // a reconnect: timestamps start again near zero
        lag.observe(0, FRAME);
        lag.observe(FRAME, 2 * FRAME);
        StreamLag.Snapshot s = lag.snapshot();
        assertThat(s.frames()).isEqualTo(3);
        assertThat(s.lateFrames()).isZero();
        assertThat(s.since(new StreamLag.Snapshot(1, 0, 0)).frames()).isEqualTo(2);
    }
}
