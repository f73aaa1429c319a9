package io.canhgac.bench;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.simulator.scene.SceneCatalog;
import org.bytedeco.javacpp.Loader;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5's cost target, side by side in one run: CPU of our ingest + motion detection for the 46
 * demo substreams (one gateway JVM) divided by the CPU of bare FFmpeg decoding the same streams
 * ({@code ffmpeg -threads 1 -i URL -f null -}, one process per stream). Target: at most 1.15.
 * The simulator serving the streams runs in its own process and is not counted.
 */
final class IngestCostBench {

    static final int MEASURE_SECONDS = 30;
    static final int WARMUP_SECONDS = 10;

    private IngestCostBench() {
    }

    static boolean run() throws Exception {
        DistrictInventory district = new DistrictInventoryLoader().loadDemo();
        List<String> urls = new ArrayList<>();
        for (CameraSpec c : district.cameras()) {
            if (SceneCatalog.get(c.scene()).manifest().outages().isEmpty()) { // a scripted reboot would skew both sides differently
                urls.add("rtsp://" + enc(c.username()) + ":" + enc(c.password()) + "@" + c.host() + ":" + SimulatorChild.RTSP_PORT + "/sub");
            }
        }
        try (SimulatorChild simulator = SimulatorChild.start(false)) {
            String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            List<Process> decoders = new ArrayList<>();
            double ffmpegCpu;
            try {
                for (String url : urls) {
                    ProcessBuilder pb = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-rtsp_transport", "tcp",
                            "-threads", "1", "-i", url, "-f", "null", "-").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                    pb.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
                    decoders.add(pb.start());
                }
                Thread.sleep(WARMUP_SECONDS * 1000L);
                ffmpegCpu = cpuShare(decoders);
            } finally {
                decoders.forEach(Process::destroy);
            }
            long aliveAfter = decoders.stream().filter(Process::isAlive).count();

            List<String> cmd = new ArrayList<>(List.of("java", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    "io.canhgac.bench.GatewayLoad"));
            cmd.addAll(urls);
            File log = File.createTempFile("bench-gateway-", ".log");
            Process gateway = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
            double gatewayCpu;
            long rssKb;
            try {
                Thread.sleep(WARMUP_SECONDS * 1000L);
                ProcessCpu cpu = new ProcessCpu(gateway.pid());
                gatewayCpu = cpu.coreShare(MEASURE_SECONDS);
                rssKb = cpu.residentKilobytes();
            } finally {
                gateway.destroy();
                if (!gateway.waitFor(10, TimeUnit.SECONDS)) {
                    gateway.destroyForcibly();
                }
            }
            System.out.println();
            System.out.printf("Ingest cost benchmark, %s, %d cores, %d substreams 640x360 10 fps (H.264)%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), urls.size());
            System.out.println("| measure | value |");
            System.out.println("|---|---|");
            System.out.printf("| ffmpeg -threads 1 … -f null -, all streams | %.1f %% of one core (%.2f %% per stream) |%n",
                    ffmpegCpu * 100, ffmpegCpu * 100 / urls.size());
            System.out.printf("| gateway ingest + motion detection, all streams | %.1f %% of one core (%.2f %% per stream) |%n",
                    gatewayCpu * 100, gatewayCpu * 100 / urls.size());
            System.out.printf("| ratio gateway / ffmpeg | **%.2f** (target <= 1.15) |%n", gatewayCpu / ffmpegCpu);
            System.out.printf("| gateway resident memory | %d MB (target <= 400 MB for 46 cameras) |%n", rssKb / 1024);
            if (aliveAfter > 0) {
                System.out.println("(" + aliveAfter + " ffmpeg processes were still running when stopped, as expected)");
            }
            return true;
        }
    }

    /** Summed share of one core used by all the processes over the measuring window. */
    private static double cpuShare(List<Process> processes) throws Exception {
        List<ProcessCpu> cpus = processes.stream().map(p -> new ProcessCpu(p.pid())).toList();
        double before = 0;
        for (ProcessCpu c : cpus) {
            before += c.seconds();
        }
        long t0 = System.nanoTime();
        Thread.sleep(MEASURE_SECONDS * 1000L);
        double after = 0;
        for (ProcessCpu c : cpus) {
            after += c.seconds();
        }
        return (after - before) / ((System.nanoTime() - t0) / 1e9);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
