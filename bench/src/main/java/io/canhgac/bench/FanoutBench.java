package io.canhgac.bench;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.contract.live.LiveTicketIssuer;
import io.canhgac.simulator.scene.SceneCatalog;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5's live fan-out target: one camera's substream to 50 WebSocket viewers on loopback.
 * The gateway's live server runs alone in a child JVM ({@link LiveFanoutGateway}) so its CPU is
 * read from /proc; the viewers run here. Added latency is the time from a packet reaching the
 * gateway (logged by the child) to its fragment reaching each viewer, on the same clock.
 * Targets: at most 5 % of one core, at most 300 ms added latency.
 */
final class FanoutBench {

    static final int VIEWERS = 50;
    static final int PORT = 18560;
    static final int WARMUP_SECONDS = 8;
    static final int BASELINE_SECONDS = 20;
    static final int MEASURE_SECONDS = 30;

    private FanoutBench() {
    }

    static boolean run() throws Exception {
        DistrictInventory district = new DistrictInventoryLoader().loadDemo();
        CameraSpec camera = district.cameras().stream()
                .filter(c -> SceneCatalog.get(c.scene()).manifest().outages().isEmpty()) // no scripted reboot mid-run
                .findFirst().orElseThrow();
        String url = "rtsp://" + enc(camera.username()) + ":" + enc(camera.password()) + "@" + camera.host() + ":"
                + SimulatorChild.RTSP_PORT + "/sub";
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        LiveTicketIssuer issuer = new LiveTicketIssuer(secret);
        File arrivals = File.createTempFile("bench-live-arrivals-", ".txt");
        File log = File.createTempFile("bench-live-gateway-", ".log");

        try (SimulatorChild simulator = SimulatorChild.start(false)) {
            Process gateway = new ProcessBuilder("java", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    "io.canhgac.bench.LiveFanoutGateway", String.valueOf(PORT), HexFormat.of().formatHex(secret), camera.id(), url,
                    arrivals.getPath()).redirectErrorStream(true).redirectOutput(log).start();
            List<WebSocket> sockets = new ArrayList<>();
            List<FanoutViewer> viewers = new ArrayList<>();
            try {
                waitForLine(log, "live server ready", gateway);
                HttpClient http = HttpClient.newHttpClient();
                ProcessCpu cpu = new ProcessCpu(gateway.pid());

                connect(http, issuer, camera.id(), sockets, viewers, 1);
                Thread.sleep(WARMUP_SECONDS * 1000L);
                double oneViewer = cpu.coreShare(BASELINE_SECONDS);

                connect(http, issuer, camera.id(), sockets, viewers, VIEWERS - 1);
                Thread.sleep(WARMUP_SECONDS * 1000L);
                long windowStart = nowMicros();
                int[] before = viewers.stream().mapToInt(FanoutViewer::fragments).toArray();
                double fifty = cpu.coreShare(MEASURE_SECONDS);
                long windowEnd = nowMicros();
                long rssKb = cpu.residentKilobytes();

                Map<Long, Long> gatewayArrival = readArrivals(arrivals);
                List<Long> latencies = new ArrayList<>();
                double minRate = Double.MAX_VALUE;
                long failed = 0;
                for (int v = 0; v < viewers.size(); v++) {
                    FanoutViewer viewer = viewers.get(v);
                    if (viewer.closeReason != null) {
                        failed++;
                        System.out.println("viewer " + v + " closed: " + viewer.closeReason);
                    }
                    int n = viewer.fragments();
                    minRate = Math.min(minRate, (n - before[v]) / (double) MEASURE_SECONDS);
                    for (int i = before[v]; i < n; i++) {
                        long at = viewer.arrivalMicros(i);
                        Long sent = gatewayArrival.get(viewer.sequence(i));
                        if (sent != null && at >= windowStart && at <= windowEnd) {
                            latencies.add(at - sent);
                        }
                    }
                }
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                boolean valid = failed == 0 && minRate >= 9.0 && sorted.length > 0;

                System.out.println();
                System.out.printf("Live fan-out benchmark, %s, %d cores: camera %s substream (640x360, 10 fps, H.264) to %d WebSocket viewers%n",
                        LocalDate.now(), Runtime.getRuntime().availableProcessors(), camera.id(), VIEWERS);
                System.out.println("| measure | value |");
                System.out.println("|---|---|");
                System.out.printf("| gateway live server CPU, 1 viewer | %.2f %% of one core |%n", oneViewer * 100);
                System.out.printf("| gateway live server CPU, %d viewers | **%.2f %% of one core** (target <= 5 %%) |%n", VIEWERS, fifty * 100);
                System.out.printf("| added latency, packet at gateway -> fragment at viewer | median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms "
                                + "(target <= 300 ms), %d fragments |%n",
                        pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
                        sorted.length);
                System.out.printf("| fragments per viewer per second (slowest viewer) | %.2f (camera rate 10) |%n", minRate);
                System.out.printf("| viewers closed early | %d of %d |%n", failed, VIEWERS);
                System.out.printf("| gateway resident memory | %d MB |%n", rssKb / 1024);
                if (!valid) {
                    System.out.println("INVALID RUN: a viewer failed, fell below 9 fragments per second, or no latency was measured; see " + log);
                }
                return valid;
            } finally {
                sockets.forEach(WebSocket::abort);
                gateway.destroy();
                if (!gateway.waitFor(10, TimeUnit.SECONDS)) {
                    gateway.destroyForcibly();
                }
            }
        }
    }

    private static void connect(HttpClient http, LiveTicketIssuer issuer, String cameraId, List<WebSocket> sockets,
                                List<FanoutViewer> viewers, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            FanoutViewer viewer = new FanoutViewer();
            URI uri = URI.create("ws://127.0.0.1:" + PORT + "/live/" + cameraId + "/sub?ticket=" + issuer.issue(cameraId, "sub", "bench-" + viewers.size()));
            sockets.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, viewer).get(20, TimeUnit.SECONDS));
            viewers.add(viewer);
        }
    }

    private static Map<Long, Long> readArrivals(File file) throws Exception {
        Map<Long, Long> bySequence = new HashMap<>();
        for (String line : Files.readAllLines(file.toPath())) {
            String[] f = line.split(" ");
            if (f.length == 2) {
                bySequence.put(Long.parseLong(f[0]), Long.parseLong(f[1]));
            }
        }
        return bySequence;
    }

    private static void waitForLine(File log, String marker, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.readString(log.toPath()).contains(marker)) {
                return;
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the live gateway did not start; see " + log);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
