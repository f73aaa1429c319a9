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
 * its pictures. Stops at the first step that fails. The simulator runs on the same two cores and
 * its CPU is reported beside the gateway's: with real cameras that share would be free.
 */
final class CapacityBench {

    /** Camera counts to try in turn; {@code -Dbench.capacitySteps=132,160,200} to look higher. */
    static final int[] STEPS = java.util.Arrays.stream(System.getProperty("bench.capacitySteps", "46,92,104,112,120,132").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();
    static final int WARMUP_SECONDS = 30; // 120 streams opening at once leave a backlog to drain first
    static final int MEASURE_SECONDS = 20;
    private static final int FPS = 10;

    private CapacityBench() {
    }

    static boolean run() throws Exception {
        List<String> sources = DemoSubstreams.steady();
        List<String> rows = new ArrayList<>();
        int capacity = 0;
        try (SimulatorChild simulator = SimulatorChild.start(false)) {
            ProcessCpu simulatorCpu = new ProcessCpu(simulator.pid());
            for (int cameras : STEPS) {
                List<String> args = new ArrayList<>(List.of(String.valueOf(WARMUP_SECONDS), String.valueOf(MEASURE_SECONDS)));
                for (int i = 0; i < cameras; i++) {
                    args.add(sources.get(i % sources.size()));
                }
                Map<String, Double> r;
                double simulatorShare;
                try (GatewayChild gateway = GatewayChild.start(GatewayChild.recommendedJvm(cameras), GatewayCapacityLoad.class, args)) {
                    Thread.sleep(WARMUP_SECONDS * 1000L);
                    simulatorShare = simulatorCpu.coreShare(MEASURE_SECONDS);
                    r = GatewayCapacityLoad.parse(gateway.awaitOutput(60));
                }
                double expected = (double) cameras * MEASURE_SECONDS * FPS;
                boolean ok = r.get("late") == 0 && r.get("online") == cameras
                        && r.get("slowestCameraFrames") >= 0.98 * MEASURE_SECONDS * FPS;
                rows.add(String.format("| %d | %.0f | %.1f %% | %.0f | %.0f ms | %.0f %% | %.0f %% | %d MB | %s |",
                        cameras, r.get("online"), 100 * r.get("frames") / expected, r.get("late"), r.get("worstMs"),
                        100 * r.get("cpu"), 100 * simulatorShare, Math.round(r.get("rssKb") / 1024), ok ? "yes" : "**no**"));
                System.out.println(rows.get(rows.size() - 1));
                if (!ok) {
                    break;
                }
                capacity = cameras;
            }
        }
        System.out.println();
        System.out.printf("Real-time capacity, %s, %d cores, 640x360 10 fps H.264 substreams, gateway JVM %s%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), "-Xms32m -Xmx<3 MB per camera, 256 MB at least> -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000");
        System.out.println("| cameras | online | pictures analysed / sent | late (> 200 ms) | worst lag since start | gateway CPU (of one core) | simulator CPU | gateway RSS | real time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("Capacity: **%d cameras** with no late frames (target >= 120)%n", capacity);
        return true;
    }
}
