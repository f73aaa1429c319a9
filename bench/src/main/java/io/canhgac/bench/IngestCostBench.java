package io.canhgac.bench;

import org.bytedeco.javacpp.Loader;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 5's cost target, side by side in one run: CPU of our ingest + motion detection for the demo
 * substreams in one gateway JVM (alone, then with pre-roll and event media as deployed), against bare FFmpeg
 * decoding the same streams ({@code ffmpeg -threads 1 -i URL -f null -}, one process per stream).
 * Target: at most 1.15. Both sides also count the pictures they decoded, and the ratio is taken per
 * picture: on a loaded machine the simulator lets a slow reader skip to the next keyframe, and CPU
 * per second alone would then reward whichever side fell behind. The simulator is not counted.
 */
final class IngestCostBench {

    static final int MEASURE_SECONDS = 30;
    static final int WARMUP_SECONDS = 10;

    private IngestCostBench() {
    }

    static boolean run() throws Exception {
        List<String> urls = DemoSubstreams.steady();
        try (SimulatorChild simulator = SimulatorChild.start(false)) {
            double[] ffmpeg = bareFfmpeg(urls); // {core share, pictures per second}

            // ingest and detection alone (the target's terms), then as deployed: pre-roll kept, event media written
            Map<String, Double> detecting = gateway(urls, true);
            Map<String, Double> deployed = gateway(urls, false);

            // memory for the whole district: all 46 cameras, the two in scripted outages reconnecting
            long districtRssKb = Math.round(gateway(DemoSubstreams.all(), false).get("rssKb"));

            System.out.println();
            System.out.printf("Ingest cost benchmark, %s, %d cores, %d substreams 640x360 10 fps (H.264)%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), urls.size());
            System.out.println("| measure | ffmpeg -threads 1 … -f null - | gateway: ingest + detection | gateway: + pre-roll, clips, snapshots |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| CPU, all streams (share of one core) | %.1f %% | %.1f %% | %.1f %% |%n",
                    ffmpeg[0] * 100, detecting.get("cpu") * 100, deployed.get("cpu") * 100);
            System.out.printf("| pictures decoded per second (sent: %d) | %.0f | %.0f | %.0f |%n", urls.size() * 10, ffmpeg[1],
                    pictures(detecting), pictures(deployed));
            System.out.printf("| CPU per picture | %.3f ms | %.3f ms | %.3f ms |%n", 1000 * ffmpeg[0] / ffmpeg[1],
                    1000 * detecting.get("cpu") / pictures(detecting), 1000 * deployed.get("cpu") / pictures(deployed));
            System.out.printf("| ratio to ffmpeg, per picture | | **%.2f** (target <= 1.15) | %.2f |%n",
                    perPicture(detecting, ffmpeg), perPicture(deployed, ffmpeg));
            System.out.printf("| ratio to ffmpeg, per second | | %.2f | %.2f |%n", detecting.get("cpu") / ffmpeg[0], deployed.get("cpu") / ffmpeg[0]);
            System.out.printf("| gateway resident memory, these %d streams | | %.0f MB | %.0f MB |%n", urls.size(),
                    detecting.get("rssKb") / 1024, deployed.get("rssKb") / 1024);
            System.out.printf("| gateway resident memory, all 46 cameras after %d s, media on | | | **%d MB** (target <= 400 MB; JVM %s) |%n",
                    WARMUP_SECONDS + MEASURE_SECONDS, districtRssKb / 1024, String.join(" ", GatewayChild.recommendedJvm(46)));
            return true;
        }
    }

    /** A gateway JVM with the recommended options on these streams: its RESULT line. */
    private static Map<String, Double> gateway(List<String> urls, boolean withoutMedia) throws Exception {
        List<String> args = new ArrayList<>();
        if (withoutMedia) {
            args.add("--no-media");
        }
        args.addAll(List.of(String.valueOf(WARMUP_SECONDS), String.valueOf(MEASURE_SECONDS)));
        args.addAll(urls);
        try (GatewayChild child = GatewayChild.start(GatewayChild.recommendedJvm(urls.size()), GatewayCapacityLoad.class, args)) {
            return GatewayCapacityLoad.parse(child.awaitOutput(WARMUP_SECONDS + MEASURE_SECONDS + 60));
        }
    }

    private static double pictures(Map<String, Double> gateway) {
        return gateway.get("frames") / MEASURE_SECONDS;
    }

    private static double perPicture(Map<String, Double> gateway, double[] ffmpeg) {
        return (gateway.get("cpu") / pictures(gateway)) / (ffmpeg[0] / ffmpeg[1]);
    }

    /** One ffmpeg per stream, each reporting its decoded picture count: {summed core share, pictures per second}. */
    private static double[] bareFfmpeg(List<String> urls) throws Exception {
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        List<Process> decoders = new ArrayList<>();
        List<AtomicLong> pictures = new ArrayList<>();
        try {
            for (String url : urls) {
                ProcessBuilder pb = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-nostats", "-progress", "pipe:1",
                        "-rtsp_transport", "tcp", "-threads", "1", "-i", url, "-f", "null", "-")
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
                Process p = pb.start();
                AtomicLong count = new AtomicLong();
                Thread reader = new Thread(() -> follow(p, count), "ffmpeg-progress");
                reader.setDaemon(true);
                reader.start();
                decoders.add(p);
                pictures.add(count);
            }
            Thread.sleep(WARMUP_SECONDS * 1000L);
            List<ProcessCpu> cpus = decoders.stream().map(p -> new ProcessCpu(p.pid())).toList();
            double cpu0 = 0;
            for (ProcessCpu c : cpus) {
                cpu0 += c.seconds();
            }
            long pictures0 = pictures.stream().mapToLong(AtomicLong::get).sum();
            long t0 = System.nanoTime();
            Thread.sleep(MEASURE_SECONDS * 1000L);
            double cpu1 = 0;
            for (ProcessCpu c : cpus) {
                cpu1 += c.seconds();
            }
            long pictures1 = pictures.stream().mapToLong(AtomicLong::get).sum();
            double wall = (System.nanoTime() - t0) / 1e9;
            return new double[] {(cpu1 - cpu0) / wall, (pictures1 - pictures0) / wall};
        } finally {
            decoders.forEach(Process::destroy);
        }
    }

    /** ffmpeg's -progress output: "frame=N" twice a second. */
    private static void follow(Process p, AtomicLong count) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("frame=")) {
                    count.set(Long.parseLong(line.substring(6).trim()));
                }
            }
        } catch (Exception ended) {
            // the process was stopped
        }
    }
}
