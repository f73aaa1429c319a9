package io.canhgac.bench.accuracy;

import io.canhgac.simulator.scene.SceneManifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Detected events against a scene's ground truth. A truth interval is found if an event overlaps
 * it; an event is true if it overlaps a truth interval (or ends within {@link #TRAIL_SECONDS} after
 * one, the trail an object leaves in the background), and false otherwise.
 *
 * @param onsetFrames for each found interval, frames from its true start to the moment the start
 *                    event was emitted (what an operator waits)
 */
public record EventScore(int truth, int found, int detected, int falseEvents, List<Integer> onsetFrames) {

    static final double TRAIL_SECONDS = 0.5;

    /** An event in scene seconds: dated start, moment the start was emitted, dated end. */
    public record Seen(double start, double emitted, double end) {
    }

    public static EventScore score(List<SceneManifest.Interval> truth, int fps, List<Seen> events) {
        return score(truth, truth, fps, events);
    }

    /**
     * @param counted  the intervals recall is measured on (e.g. those inside a measuring window)
     * @param all      every true interval, also those partly outside the window: an event on one of them is not false
     */
    public static EventScore score(List<SceneManifest.Interval> counted, List<SceneManifest.Interval> all, int fps, List<Seen> events) {
        List<SceneManifest.Interval> truth = counted;
        int found = 0;
        List<Integer> onsets = new ArrayList<>();
        for (SceneManifest.Interval t : truth) {
            Seen first = events.stream().filter(e -> overlaps(e, t)).findFirst().orElse(null);
            if (first != null) {
                found++;
                onsets.add((int) Math.round((first.emitted() - t.start()) * fps));
            }
        }
        int falseEvents = (int) events.stream().filter(e -> all.stream().noneMatch(t -> overlaps(e, t))).count();
        return new EventScore(truth.size(), found, events.size(), falseEvents, onsets);
    }

    private static boolean overlaps(Seen e, SceneManifest.Interval t) {
        return e.start() < t.end() + TRAIL_SECONDS && e.end() >= t.start();
    }

    public EventScore plus(EventScore o) {
        List<Integer> all = new ArrayList<>(onsetFrames);
        all.addAll(o.onsetFrames);
        return new EventScore(truth + o.truth, found + o.found, detected + o.detected, falseEvents + o.falseEvents, all);
    }

    public double recall() {
        return truth == 0 ? Double.NaN : (double) found / truth;
    }

    public double precision() {
        return detected == 0 ? Double.NaN : (double) (detected - falseEvents) / detected;
    }

    public int worstOnset() {
        return onsetFrames.stream().mapToInt(Integer::intValue).max().orElse(-1);
    }
}
