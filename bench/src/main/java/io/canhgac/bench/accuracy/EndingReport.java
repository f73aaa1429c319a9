package io.canhgac.bench.accuracy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 17's part of the accuracy benchmark: real footage whose motion stops inside the picture,
 * each event's end scored as well as its start, this detector beside the former one (no ghost
 * ending) on the same frames, and what the ghost ending costs per frame.
 */
final class EndingReport {

    static final double END_LATE_TARGET = 2.0;
    static final double TIME_PRECISION_TARGET = 0.9;
    static final double TIME_RECALL_TARGET = 0.98;
    static final double COST_RATIO_TARGET = 1.10;

    private EndingReport() {
    }

    /** @return whether every target was met (also when there is no footage: then only the simulator's scenes count) */
    static boolean run(Path video, List<SceneAccuracy.Result> simulated) throws Exception {
        List<FootageScenes.Result> footage = FootageScenes.run(video);
        System.out.println();
        System.out.println("(c) Real footage whose motion stops inside the picture (built by the benchmark, truth by construction:");
        System.out.println("motion exactly while the footage plays; 'least changed px' shows it). Spans: 3 s frozen, then three plays of 8 s, each followed by a");
        System.out.println("freeze on its last picture with the people or cars in it (8 s; the second with brightness steps, the last");
        System.out.println("with noise of sigma 6); '-stops' plays only one part of the picture (left, right, centre), the rest frozen.");
        System.out.println("End = seconds from the true end until the motion-end event was emitted (dated: until its last moving frame).");
        System.out.println();
        System.out.println("| scene | fps | intervals | found | events | false | onset (frames) | time precision | time recall | end, worst (dated) | before: events, false | before: time precision | before: end, worst | least changed px |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (FootageScenes.Result r : footage) {
            SideBySide.Outcome now = r.outcomes().get(0);
            SideBySide.Outcome before = r.outcomes().get(1);
            EventScore s = now.events();
            System.out.printf("| %s | %d | %d | %d | %d | %d | %s | %.3f | %.3f | %.1f s (%.1f s) | %d, %d | %.3f | %.1f s | %d |%n", r.scene(), r.fps(),
                    s.truth(), s.found(), s.detected(), s.falseEvents(), s.onsetFrames(), now.time().precision(), now.time().recall(),
                    now.time().worstEndLate(), now.time().worstDatedEndLate(), before.events().detected(), before.events().falseEvents(),
                    before.time().precision(), before.time().worstEndLate(), r.leastChangedPixels());
        }
        if (footage.isEmpty()) {
            System.out.println("| (no footage: neither ../shared/data/video nor Debian's opencv-doc is here) | | | | | | | | | | | | | |");
        }
        List<SideBySide.Outcome> nowAll = new ArrayList<>();
        List<SideBySide.Outcome> beforeAll = new ArrayList<>();
        footage.forEach(r -> {
            nowAll.add(r.outcomes().get(0));
            beforeAll.add(r.outcomes().get(1));
        });
        EventScore events = footage.stream().map(r -> r.outcomes().get(0).events()).reduce(EventScore::plus)
                .orElse(new EventScore(0, 0, 0, 0, List.of()));
        TimeScore time = total(nowAll);
        TimeScore simulatedTime = total(simulated.stream().filter(r -> r.kind() == SceneAccuracy.Kind.MOTION).map(SceneAccuracy.Result::now).toList());
        TimeScore simulatedBefore = total(simulated.stream().filter(r -> r.kind() == SceneAccuracy.Kind.MOTION).map(SceneAccuracy.Result::before).toList());
        simulated.forEach(r -> {
            nowAll.add(r.now());
            beforeAll.add(r.before());
        });
        double costNow = meanMicros(nowAll);
        double costBefore = meanMicros(beforeAll);
        int f = footage.size();
        double[] simulatedCost = {meanMicros(nowAll.subList(f, nowAll.size())), meanMicros(beforeAll.subList(f, beforeAll.size()))};
        double[] footageCost = {meanMicros(nowAll.subList(0, f)), meanMicros(beforeAll.subList(0, f))};
        boolean found = footage.stream().allMatch(r -> r.leastChangedPixels() > r.pixels() / 1000);
        boolean endOk = !footage.isEmpty() && time.worstEndLate() <= END_LATE_TARGET && simulatedTime.worstEndLate() <= END_LATE_TARGET;
        boolean precisionOk = time.precision() >= TIME_PRECISION_TARGET;
        boolean recallOk = time.recall() >= TIME_RECALL_TARGET && events.recall() >= 0.98;
        boolean onsetOk = events.worstOnset() >= 0 && events.worstOnset() <= 2;
        boolean quietOk = events.falseEvents() == 0;
        boolean costOk = costNow <= costBefore * COST_RATIO_TARGET;
        System.out.println();
        System.out.println("| measure (issue 17) | value | before (no ghost ending) | target | met |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| end after the true end, worst, real footage | %.1f s (dated %.1f s) | %.1f s | <= %.0f s | %s |%n", time.worstEndLate(),
                time.worstDatedEndLate(), total(beforeAll.subList(0, footage.size())).worstEndLate(), END_LATE_TARGET, AccuracyBench.yes(endOk));
        System.out.printf("| end after the true end, worst, simulator scenes | %.1f s (dated %.1f s) | %.1f s | <= %.0f s | (in the row above) |%n",
                simulatedTime.worstEndLate(), simulatedTime.worstDatedEndLate(), simulatedBefore.worstEndLate(), END_LATE_TARGET);
        System.out.printf("| time precision, real footage | %.3f | %.3f | >= %.2f | %s |%n", time.precision(),
                total(beforeAll.subList(0, footage.size())).precision(), TIME_PRECISION_TARGET, AccuracyBench.yes(precisionOk));
        System.out.printf("| time recall, real footage (events found) | %.3f (%d of %d) | %.3f | >= %.2f | %s |%n", time.recall(), events.found(),
                events.truth(), total(beforeAll.subList(0, footage.size())).recall(), TIME_RECALL_TARGET, AccuracyBench.yes(recallOk));
        System.out.printf("| time precision / recall, simulator motion scenes | %.3f / %.3f | %.3f / %.3f | - | - |%n", simulatedTime.precision(),
                simulatedTime.recall(), simulatedBefore.precision(), simulatedBefore.recall());
        System.out.printf("| onset, worst, real footage | %d frames | | <= 2 | %s |%n", events.worstOnset(), AccuracyBench.yes(onsetOk));
        System.out.printf("| false events, real footage (lighting and noise spans included) | %d | | 0 | %s |%n", events.falseEvents(), AccuracyBench.yes(quietOk));
        System.out.printf("| detector CPU per frame, every scene, same frames | %.0f µs | %.0f µs | <= %.2f x before | %s (%.3f x) |%n", costNow,
                costBefore, COST_RATIO_TARGET, AccuracyBench.yes(costOk), costNow / costBefore);
        System.out.printf("| of which simulator scenes (640x360) / real footage (320x240, 480x360) | %.0f / %.0f µs | %.0f / %.0f µs | - | %.3f x / %.3f x |%n",
                simulatedCost[0], footageCost[0], simulatedCost[1], footageCost[1], simulatedCost[0] / simulatedCost[1], footageCost[0] / footageCost[1]);
        System.out.printf("| truth check: every played frame changes | %s | | > 0.1 %% of the picture | %s |%n", found ? "yes" : "no",
                AccuracyBench.yes(found));
        return endOk && precisionOk && recallOk && onsetOk && quietOk && costOk && found;
    }

    private static TimeScore total(List<SideBySide.Outcome> outcomes) {
        return outcomes.stream().map(SideBySide.Outcome::time).reduce(TimeScore::plus).orElse(TimeScore.NONE);
    }

    /** Mean over scenes of each scene's CPU per frame: every scene weighs the same, whatever its size. */
    private static double meanMicros(List<SideBySide.Outcome> outcomes) {
        return outcomes.stream().mapToDouble(SideBySide.Outcome::microsPerFrame).average().orElse(Double.NaN);
    }
}
