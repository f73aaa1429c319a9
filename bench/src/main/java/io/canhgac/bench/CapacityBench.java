package io.canhgac.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 5's real-time capacity: how many 640x360, 10 fps cameras one gateway carries on this machine
 * with no late frames. Steps through growing camera counts, each in a fresh gateway JVM with the
 * recommended options, pulling the simulator's substreams round-robin (one RTSP session and one
 * decoder per camera, as with real cameras). A step passes when no picture finished more than
 * {@code StreamLag.LATE_NANOS} behind its camera's clock and every camera delivered at least 98 % of
 * its pictures, in every one of its runs (three by default, each a fresh gateway): a machine shared
 * with other work passes a quiet run easily, so the worst run is what counts. Stops at the first
 * count that fails, and names it: the ceiling. The simulator runs on the same two cores and
 * its CPU is reported beside the gateway's: with real cameras that share would be free.
 */
final class CapacityBench {

    /** Camera counts to try in turn; {@code -Dbench.capacitySteps=132,160,200} to look elsewhere. */
    static final int[] STEPS = java.util.Arrays.stream(System.getProperty("bench.capacitySteps", "120,150,184,200,220").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();
    /** Each count is run this many times, each in a fresh gateway: a count holds only if every run holds. */
    static final int RUNS = Integer.getInteger("bench.capacityRuns", 3);
    static final int WARMUP_SECONDS = 30; // 120 streams opening at once leave a backlog to drain first
    static final int MEASURE_SECONDS = 20;
    private static final int FPS = 10;

    private CapacityBench() {
    }

    /** One run of one count. */
    private record Run(int cameras, Map<String, Double> figures, double simulatorShare) {

        boolean realTime() {
            return figures.get("late") == 0 && figures.get("online") == cameras
                    && figures.get("slowestCameraFrames") >= 0.98 * MEASURE_SECONDS * FPS;
        }

        /** Worse first: not real time, then more late pictures, fewer analysed, more CPU. */
        static final java.util.Comparator<Run> WORST_FIRST = java.util.Comparator.comparing(Run::realTime)
                .thenComparing(r -> -r.figures.get("late"))
                .thenComparing(r -> r.figures.get("frames"))
                .thenComparing(r -> -r.figures.get("cpu"));

        String row(String label) {
            double expected = (double) cameras * MEASURE_SECONDS * FPS;
            return String.format("| %d | %s | %.0f | %.1f %% | %.0f | %.0f ms | %.0f %% | %.0f %% | %d MB | %.2f MB | %s |",
                    cameras, label, figures.get("online"), 100 * figures.get("frames") / expected, figures.get("late"),
                    figures.get("worstMs"), 100 * figures.get("cpu"), 100 * simulatorShare,
                    Math.round(figures.get("rssKb") / 1024), figures.get("rssKb") / 1024 / cameras, realTime() ? "yes" : "**no**");
        }
    }

    static boolean run() throws Exception {
        List<String> sources = DemoSubstreams.steady();
        List<String> rows = new ArrayList<>();
        int capacity = 0;
        Integer ceiling = null;
        Run atCapacity = null;
        try (SimulatorChild simulator = SimulatorChild.start(false)) {
            ProcessCpu simulatorCpu = new ProcessCpu(simulator.pid());
            for (int cameras : STEPS) {
                List<Run> runs = new ArrayList<>();
                for (int run = 1; run <= RUNS; run++) {
                    runs.add(once(cameras, sources, simulatorCpu));
                    System.out.println(runs.get(runs.size() - 1).row("run " + run + " of " + RUNS));
                    if (!runs.get(runs.size() - 1).realTime()) {
                        break; // the count has failed: no need for its other runs
                    }
                }
                Run worst = runs.stream().min(Run.WORST_FIRST).orElseThrow();
                long held = runs.stream().filter(Run::realTime).count();
                rows.add(worst.row("worst of " + runs.size() + " (" + held + " real time)"));
                if (!worst.realTime()) {
                    ceiling = cameras;
                    break;
                }
                capacity = cameras;
                atCapacity = worst;
            }
        }
        System.out.println();
        System.out.printf("Real-time capacity, %s, %d cores, 640x360 10 fps H.264 substreams, event media on, gateway JVM %s%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), "-Xms32m -Xmx<3 MB per camera, 256 MB at least> -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000");
        System.out.println("| cameras | runs | online | pictures analysed / sent | late (> 200 ms) | worst lag since start | gateway CPU (of one core) | simulator CPU | gateway RSS | RSS per camera | real time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("Capacity: **%d cameras** real time in %d of %d runs (target 184); ceiling: %s%n", capacity, RUNS, RUNS,
                ceiling == null ? "not reached (every count tried held)" : ceiling + " cameras (the first count that failed)");
        if (atCapacity != null) {
            System.out.printf("At %d cameras (worst run): gateway CPU %.2f %% of a core per camera, RSS %.2f MB per camera (target <= 5 MB)%n",
                    capacity, 100 * atCapacity.figures.get("cpu") / capacity, atCapacity.figures.get("rssKb") / 1024 / capacity);
        }
        return true;
    }

    private static Run once(int cameras, List<String> sources, ProcessCpu simulatorCpu) throws Exception {
        List<String> args = new ArrayList<>(List.of(String.valueOf(WARMUP_SECONDS), String.valueOf(MEASURE_SECONDS)));
        for (int i = 0; i < cameras; i++) {
            args.add(sources.get(i % sources.size()));
        }
        try (GatewayChild gateway = GatewayChild.start(GatewayChild.recommendedJvm(cameras), GatewayCapacityLoad.class, args)) {
            Thread.sleep(WARMUP_SECONDS * 1000L);
            double simulatorShare = simulatorCpu.coreShare(MEASURE_SECONDS);
            return new Run(cameras, GatewayCapacityLoad.parse(gateway.awaitOutput(60)), simulatorShare);
        }
    }
}
