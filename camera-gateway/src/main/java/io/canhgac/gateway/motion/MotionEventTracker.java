package io.canhgac.gateway.motion;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.contract.MotionBox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns per-frame verdicts into motion-start and motion-end: motion must last {@code startFrames}
 * frames to start an event (one noisy frame is not an event), and be absent for {@code endFrames}
 * to end it. The start is dated at the first moving frame; the end at the last, carrying the
 * event's start, its peak score and the boxes of the peak frame. Outside the camera's arming
 * schedule no event starts, and an open one ends.
 */
public final class MotionEventTracker {

    private final int startFrames;
    private final int endFrames;
    private final ArmingSchedule schedule;
    private boolean active;
    private int moving;
    private int quiet;
    private Instant firstMovingAt;
    private Instant lastMovingAt;
    private double peak;
    private List<MotionBox> peakBoxes = List.of();

    public MotionEventTracker(int startFrames, int endFrames) {
        this(startFrames, endFrames, ArmingSchedule.ALWAYS);
    }

    public MotionEventTracker(int startFrames, int endFrames, ArmingSchedule schedule) {
        if (startFrames < 1 || endFrames < 1) {
            throw new IllegalArgumentException("startFrames and endFrames must be >= 1");
        }
        this.startFrames = startFrames;
        this.endFrames = endFrames;
        this.schedule = schedule;
    }

    /**
     * @param startedAt for an end, when the event started; for a start, the same as {@code at}
     * @param boxes     for a start, the boxes of the frame that started it; for an end, of the peak frame
     */
    public record Transition(EventType type, Instant at, double score, Instant startedAt, List<MotionBox> boxes) {

        public CameraEvent toEvent(String cameraId) {
            return CameraEvent.motion(cameraId, type, at, score, type == EventType.MOTION_END ? startedAt : null, boxes);
        }
    }

    public Optional<Transition> update(MotionSample sample, Instant at) {
        if (!schedule.armedAt(at)) {
            Optional<Transition> ended = interrupt();
            moving = 0;
            quiet = 0;
            peak = 0;
            return ended;
        }
        if (sample.motion()) {
            quiet = 0;
            if (moving++ == 0 && !active) {
                firstMovingAt = at;
            }
            lastMovingAt = at;
            if (sample.score() > peak) {
                peak = sample.score();
                peakBoxes = sample.boxes();
            }
            if (!active && moving >= startFrames) {
                active = true;
                return Optional.of(new Transition(EventType.MOTION_START, firstMovingAt, peak, firstMovingAt, sample.boxes()));
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
        Transition t = new Transition(EventType.MOTION_END, lastMovingAt, peak, firstMovingAt, peakBoxes);
        active = false;
        moving = 0;
        quiet = 0;
        peak = 0;
        peakBoxes = List.of();
        return t;
    }
}
