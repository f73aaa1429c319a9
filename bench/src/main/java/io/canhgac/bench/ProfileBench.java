package io.canhgac.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 18's "where the time goes": one gateway child at {@code bench.profileCameras} cameras (150)
 * with the whole per-camera path and event media, as in the capacity benchmark, profiled by
 * async-profiler over the measured window; prints each part's share of the CPU samples.
 */
final class ProfileBench {

    static final int CAMERAS = Integer.getInteger("bench.profileCameras", 150);

    private ProfileBench() {
    }

    static boolean run() throws Exception {
        Path lib = SampledProfile.extractLibrary();
        Path out = Files.createTempFile("bench-profile-", ".collapsed");
        List<String> sources = DemoSubstreams.steady();
        List<String> jvm = new ArrayList<>(GatewayChild.recommendedJvm(CAMERAS));
        jvm.add("-D" + SampledProfile.LIB + "=" + lib);
        jvm.add("-D" + SampledProfile.OUT + "=" + out);
        List<String> args = new ArrayList<>(List.of(String.valueOf(CapacityBench.WARMUP_SECONDS), String.valueOf(CapacityBench.MEASURE_SECONDS)));
        for (int i = 0; i < CAMERAS; i++) {
            args.add(sources.get(i % sources.size()));
        }
        Map<String, Double> r;
        try (SimulatorChild simulator = SimulatorChild.start(false);
             GatewayChild gateway = GatewayChild.start(jvm, GatewayCapacityLoad.class, args)) {
            r = GatewayCapacityLoad.parse(gateway.awaitOutput(CapacityBench.WARMUP_SECONDS + CapacityBench.MEASURE_SECONDS + 60));
        }
        ProfileShares shares = ProfileShares.of(Files.readString(out));
        System.out.printf("%nGateway profile, %s, %d cameras, event media on, %d s measured: %.0f late pictures, CPU %.0f %% of a core, RSS %d MB%n",
                LocalDate.now(), CAMERAS, CapacityBench.MEASURE_SECONDS, r.get("late"), 100 * r.get("cpu"), Math.round(r.get("rssKb") / 1024));
        System.out.printf("async-profiler 4.2, itimer CPU samples every 5 ms: %d samples (collapsed stacks in %s)%n", shares.total(), out);
        System.out.println("| part of the gateway | share of CPU samples |");
        System.out.println("|---|---|");
        shares.rows().forEach(System.out::println);
        System.out.println();
        System.out.println("| hottest innermost frame | share |");
        System.out.println("|---|---|");
        shares.hottest(12).forEach(System.out::println);
        return shares.total() > 0;
    }
}
