package io.canhgac.bench.accuracy;

import io.canhgac.simulator.scene.SceneManifest;

import java.util.ArrayList;
import java.util.List;

/**
 * How well events cover the true motion in time, frame by frame, and how late each true interval's
 * event ends: what a clip's length and the alert desk's "motion now" depend on, beyond the start.
 *
 * @param truthFrames   frames with true motion
 * @param eventFrames   frames inside a detected event (dated start to dated end)
 * @param overlapFrames frames that are both
 * @param endLate       per true interval with an event, seconds from its true end until the event's end was emitted
 * @param datedEndLate  the same to the end the event is dated by (its last moving frame)
 */
record TimeScore(int truthFrames, int eventFrames, int overlapFrames, List<Double> endLate, List<Double> datedEndLate) {

    static final TimeScore NONE = new TimeScore(0, 0, 0, List.of(), List.of());

    static TimeScore score(List<SceneManifest.Interval> truth, int fps, int frames, List<SceneRun.DetectedEvent> events) {
        boolean[] moving = new boolean[frames];
        for (SceneManifest.Interval t : truth) {
            for (int f = (int) Math.ceil(t.start() * fps - 1e-9); f < Math.min(frames, t.end() * fps - 1e-9); f++) {
                moving[f] = true;
            }
        }
        boolean[] inEvent = new boolean[frames];
        for (SceneRun.DetectedEvent e : events) {
            for (int f = Math.max(0, e.startFrame()); f <= Math.min(frames - 1, e.endFrame()); f++) {
                inEvent[f] = true;
            }
        }
        int truthFrames = 0, eventFrames = 0, both = 0;
        for (int f = 0; f < frames; f++) {
            truthFrames += moving[f] ? 1 : 0;
            eventFrames += inEvent[f] ? 1 : 0;
            both += moving[f] && inEvent[f] ? 1 : 0;
        }
        List<Double> late = new ArrayList<>();
        List<Double> datedLate = new ArrayList<>();
        for (SceneManifest.Interval t : truth) {
            // the last event that began before the interval's end and reaches into it
            SceneRun.DetectedEvent last = null;
            for (SceneRun.DetectedEvent e : events) {
                if (e.startFrame() < t.end() * fps && (e.endFrame() + 1) > t.start() * fps) {
                    last = e;
                }
            }
            if (last != null && t.end() * fps <= frames) {
                late.add((double) last.endEmittedFrame() / fps - t.end());
                datedLate.add((double) (last.endFrame() + 1) / fps - t.end());
            }
        }
        return new TimeScore(truthFrames, eventFrames, both, late, datedLate);
    }

    TimeScore plus(TimeScore o) {
        List<Double> l = new ArrayList<>(endLate);
        l.addAll(o.endLate);
        List<Double> d = new ArrayList<>(datedEndLate);
        d.addAll(o.datedEndLate);
        return new TimeScore(truthFrames + o.truthFrames, eventFrames + o.eventFrames, overlapFrames + o.overlapFrames, l, d);
    }

    /** Share of the time in events that is true motion. */
    double precision() {
        return eventFrames == 0 ? Double.NaN : (double) overlapFrames / eventFrames;
    }

    /** Share of the true motion that is inside an event. */
    double recall() {
        return truthFrames == 0 ? Double.NaN : (double) overlapFrames / truthFrames;
    }

    double worstEndLate() {
        return endLate.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    double worstDatedEndLate() {
        return datedEndLate.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
