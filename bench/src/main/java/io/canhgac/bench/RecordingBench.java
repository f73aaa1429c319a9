package io.canhgac.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 13's recording figures, side by side in one run on the same simulated streams: a gateway
 * reading, decoding and analysing the demo's substreams (ingest alone), then the same with every
 * camera recorded around the clock from the packets it reads (remuxed into fMP4 segments, nothing
 * decoded twice), then with each camera's main stream recorded instead through a demux-only pull of its
 * own (the default for registry cameras, whose worker reads the substream). Target: recording costs at
 * most 5 % more CPU. Disk per camera per day is the bytes
 * written in the measured window, scaled to 24 h. Then memory with all 46 demo cameras recording, and
 * the gateway's part of the time from a click on the timeline to the first picture.
 */
final class RecordingBench {

    static final int MEASURE_SECONDS = 30;
    static final int WARMUP_SECONDS = 10;

    private RecordingBench() {
    }

    static boolean run() throws Exception {
        List<String> urls = DemoSubstreams.steady();
        // main streams encoded before anything is measured: the simulator's encoder must not run meanwhile
        try (SimulatorChild simulator = SimulatorChild.start(true)) {
            Map<String, Double> ingest = gateway(urls, "--no-record").values;
            Result recorded = gateway(urls, "--record");
            Result main = gateway(urls, "--record-main");
            Result district = gateway(DemoSubstreams.all(), "--record-main");

            double perCameraDay = recorded.values.get("recordedBytes") / urls.size() * 86_400.0 / MEASURE_SECONDS;
            System.out.println();
            System.out.printf("Recording benchmark, %s, %d cores, %d substreams 640x360 10 fps (H.264), %d s measured after %d s%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), urls.size(), MEASURE_SECONDS, WARMUP_SECONDS);
            System.out.println("| measure | ingest + detection (substream) | + recording the substream it reads | ratio | + recording the main stream (own demux-only pull) | ratio |");
            System.out.println("|---|---|---|---|---|---|");
            Map<String, Double> sub = recorded.values;
            Map<String, Double> mv = main.values;
            System.out.printf("| CPU, all streams (share of one core) | %.1f %% | %.1f %% | %.3f | %.1f %% | %.3f |%n", ingest.get("cpu") * 100,
                    sub.get("cpu") * 100, sub.get("cpu") / ingest.get("cpu"), mv.get("cpu") * 100, mv.get("cpu") / ingest.get("cpu"));
            System.out.printf("| pictures analysed per second (sent: %d) | %.0f | %.0f | | %.0f | |%n", urls.size() * 10,
                    ingest.get("frames") / MEASURE_SECONDS, sub.get("frames") / MEASURE_SECONDS, mv.get("frames") / MEASURE_SECONDS);
            System.out.printf("| CPU per camera | %.2f %% | %.2f %% | **%.3f** per analysed picture (target <= 1.05) | %.2f %% | %.3f per analysed picture |%n",
                    ingest.get("cpu") * 100 / urls.size(), sub.get("cpu") * 100 / urls.size(), perPicture(sub, ingest),
                    mv.get("cpu") * 100 / urls.size(), perPicture(mv, ingest));
            System.out.printf("| resident memory | %.0f MB | %.0f MB | | %.0f MB | |%n", ingest.get("rssKb") / 1024, sub.get("rssKb") / 1024,
                    mv.get("rssKb") / 1024);
            double mainPerCameraDay = mv.get("recordedBytes") / urls.size() * 86_400.0 / MEASURE_SECONDS;
            System.out.printf("| disk written per camera per day (%d s window x 2880) | | %.2f GB (%.0f kbit/s) | | %.2f GB (%.0f kbit/s) | |%n",
                    MEASURE_SECONDS, perCameraDay / 1e9, perCameraDay * 8 / 86_400 / 1000, mainPerCameraDay / 1e9,
                    mainPerCameraDay * 8 / 86_400 / 1000);
            System.out.printf("| all %d demo cameras, main streams recorded: resident / heap in use | | | | %.0f MB / %.0f MB (JVM %s) | |%n",
                    DemoSubstreams.all().size(), district.values.get("rssKb") / 1024, district.values.get("heapUsedKb") / 1024,
                    String.join(" ", GatewayChild.recommendedJvm(DemoSubstreams.all().size())));
            System.out.printf("| PlaybackStart to the first picture given to the link, 10 s back (gateway only) | | %.1f ms | | %.1f ms | |%n",
                    recorded.playbackMs, main.playbackMs);
            return true;
        }
    }

    private record Result(Map<String, Double> values, double playbackMs) {
    }

    private static double perPicture(Map<String, Double> run, Map<String, Double> ingest) {
        return (run.get("cpu") / run.get("frames")) / (ingest.get("cpu") / ingest.get("frames"));
    }

    /** @param record --no-record, --record (the substream read) or --record-main */
    private static Result gateway(List<String> urls, String record) throws Exception {
        List<String> args = new ArrayList<>(List.of("--no-media"));
        if (!record.equals("--no-record")) {
            args.add(record);
        }
        args.addAll(List.of(String.valueOf(WARMUP_SECONDS), String.valueOf(MEASURE_SECONDS)));
        args.addAll(urls);
        try (GatewayChild child = GatewayChild.start(GatewayChild.recommendedJvm(urls.size()), GatewayCapacityLoad.class, args)) {
            String out = child.awaitOutput(WARMUP_SECONDS + MEASURE_SECONDS + 60);
            double playback = out.lines().filter(l -> l.startsWith("PLAYBACK ")).findFirst()
                    .map(l -> Double.parseDouble(l.substring(l.indexOf('=') + 1))).orElse(-1.0);
            return new Result(GatewayCapacityLoad.parse(out), playback);
        }
    }
}
