package io.canhgac.simulator.rtsp;

import java.time.Duration;
import java.time.Instant;

/**
 * A camera's timeline: frame n is due at {@code epoch + n / fps}, and shows scene frame
 * {@code (n + phaseFrames) mod loopFrames}. Shared by a camera's main and sub streams so both show
 * the same moment, even when one of them starts later.
 */
public record SceneClock(Instant epoch, long epochNanos, int fps, int phaseFrames, int loopFrames) {

    public static SceneClock startingNow(int fps, int phaseSeconds, int loopSeconds) {
        return new SceneClock(Instant.now(), System.nanoTime(), fps, phaseSeconds * fps, loopSeconds * fps);
    }

    /** The frame due at {@code nanoTime} (floor). */
    public long frameAt(long nanoTime) {
        return Math.floorDiv((nanoTime - epochNanos) * fps, 1_000_000_000L);
    }

    public long nanosUntilFrame(long frame, long nanoTime) {
        return epochNanos + Math.floorDiv(frame * 1_000_000_000L, fps) - nanoTime;
    }

    /** The frame shown at wall-clock {@code t} (floor); negative before the clock's epoch. */
    public long frameAt(Instant t) {
        Duration since = Duration.between(epoch, t);
        return Math.floorDiv(since.getSeconds() * fps * 1_000_000_000L + (long) since.getNano() * fps, 1_000_000_000L);
    }

    /** When frame {@code frame} is (or was) shown, on the wall clock. */
    public Instant instantOf(long frame) {
        return epoch.plusNanos(Math.floorDiv(frame * 1_000_000_000L, fps));
    }

    /** Index into the scene's pictures of the frame {@code frame}. */
    public int sceneIndex(long frame) {
        return (int) Math.floorMod(frame + phaseFrames, (long) loopFrames);
    }

    /** Scene time in seconds, in [0, loop), of the frame due now. */
    public double sceneSecondsNow() {
        return (double) sceneIndex(frameAt(System.nanoTime())) / fps;
    }

    /** Wall-clock time at which scene time 0 was shown (it repeats every loop). */
    public Instant sceneOrigin() {
        return epoch.minus(Duration.ofNanos(phaseFrames * 1_000_000_000L / fps));
    }
}
