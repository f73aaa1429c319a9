package io.canhgac.gateway.motion;

import io.canhgac.contract.EventType;

import java.time.Instant;
import java.util.Optional;

/**
 * Turns per-frame verdicts into motion-start and motion-end: motion must last {@code startFrames}
 * frames to start an event (one noisy frame is not an event), and be absent for {@code endFrames}
 * to end it. The start is dated at the first moving frame; the end carries the event's peak score.
 */
public final class MotionEventTracker {

    private final int startFrames;
    private final int endFrames;
    private boolean active;
    private int moving;
    private int quiet;
    private Instant firstMovingAt;
    private Instant lastMovingAt;
    private double peak;

    public MotionEventTracker(int startFrames, int endFrames) {
        if (startFrames < 1 || endFrames < 1) {
            throw new IllegalArgumentException("startFrames and endFrames must be >= 1");
        }
        this.startFrames = startFrames;
        this.endFrames = endFrames;
    }

    public record Transition(EventType type, Instant at, double score) {
    }

    public Optional<Transition> update(MotionSample sample, Instant at) {
        if (sample.motion()) {
            quiet = 0;
            if (moving++ == 0) {
                firstMovingAt = at;
            }
            lastMovingAt = at;
            peak = Math.max(peak, sample.score());
            if (!active && moving >= startFrames) {
                active = true;
                return Optional.of(new Transition(EventType.MOTION_START, firstMovingAt, peak));
            }
            return Optional.empty();
        }
        moving = 0;
        if (!active) {
            peak = 0;
            return Optional.empty();
        }
        if (++quiet >= endFrames) {
            return Optional.of(end());
        }
        return Optional.empty();
    }

    /** Ends an open event now, e.g. because the stream broke; empty if none is open. */
    public Optional<Transition> interrupt() {
        return active ? Optional.of(end()) : Optional.empty();
    }

    public boolean isActive() {
        return active;
    }

    private Transition end() {
        Transition t = new Transition(EventType.MOTION_END, lastMovingAt, peak);
        active = false;
        moving = 0;
        quiet = 0;
        peak = 0;
        return t;
    }
}
