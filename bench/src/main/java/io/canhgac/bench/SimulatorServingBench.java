package io.canhgac.bench;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.simulator.scene.SceneCatalog;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3's cost target: serving all 46 demo cameras while 46 clients pull the substreams should
 * cost at most 10% of one core. The simulator runs in a child JVM (so only its CPU is counted),
 * idle first and then with 46 viewers, side by side in one run.
 */
final class SimulatorServingBench {

    static final int RTSP_PORT = 18554;
    static final int CONTROL_PORT = 18555;
    static final int IDLE_SECONDS = 10;
    static final int WARMUP_SECONDS = 5;
    static final int MEASURE_SECONDS = 30;

    private SimulatorServingBench() {
    }

    /** @return false when the run is invalid (viewers failed, pictures missing) */
    static boolean run() throws Exception {
        DistrictInventory district = new DistrictInventoryLoader().loadDemo();
        File log = File.createTempFile("bench-simulator-", ".log");
        Process simulator = new ProcessBuilder("java", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "io.canhgac.simulator.SimulatorMain", "--rtsp-port", String.valueOf(RTSP_PORT),
                "--control-port", String.valueOf(CONTROL_PORT))
                .redirectErrorStream(true).redirectOutput(log).start();
        List<BenchRtspClient> clients = new ArrayList<>();
        try {
            ProcessCpu cpu = new ProcessCpu(simulator.pid());
            waitUntilReady(simulator, log);
            double idle = cpu.coreShare(IDLE_SECONDS);

            for (CameraSpec camera : district.cameras()) {
                BenchRtspClient client = new BenchRtspClient(camera.host(), RTSP_PORT, "sub", camera.username(), camera.password());
                clients.add(client);
                Thread t = new Thread(client, "viewer-" + camera.id());
                t.setDaemon(true);
                t.start();
            }
            Thread.sleep(WARMUP_SECONDS * 1000L);
            long bytes0 = clients.stream().mapToLong(BenchRtspClient::bytes).sum();
            long pictures0 = clients.stream().mapToLong(BenchRtspClient::pictures).sum();
            double serving = cpu.coreShare(MEASURE_SECONDS);
            long bytes = clients.stream().mapToLong(BenchRtspClient::bytes).sum() - bytes0;
            long pictures = clients.stream().mapToLong(BenchRtspClient::pictures).sum() - pictures0;
            // cameras whose scene scripts an outage or a reboot drop their viewers on purpose
            List<Boolean> scripted = district.cameras().stream()
                    .map(c -> !SceneCatalog.get(c.scene()).manifest().outages().isEmpty()).toList();
            long failed = 0;
            long dropped = 0;
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).failure() != null) {
                    if (scripted.get(i)) {
                        dropped++;
                    } else {
                        failed++;
                        System.out.println("viewer of " + district.cameras().get(i).id() + " failed: " + clients.get(i).failure());
                    }
                }
            }

            System.out.println();
            System.out.printf("Simulator serving benchmark, %s, %d cores%n", LocalDate.now(), Runtime.getRuntime().availableProcessors());
            System.out.println("| measure | value |");
            System.out.println("|---|---|");
            System.out.printf("| cameras served | %d (main + sub streams each) |%n", district.cameras().size());
            System.out.printf("| viewers (substreams, RTP/TCP) | %d: %d failed, %d dropped by scripted outages/reboots |%n",
                    clients.size(), failed, dropped);
            System.out.printf("| simulator CPU, idle | %.1f %% of one core |%n", idle * 100);
            System.out.printf("| simulator CPU, 46 viewers | %.1f %% of one core (target <= 10 %%) |%n", serving * 100);
            System.out.printf("| added by the viewers | %.1f %% of one core |%n", (serving - idle) * 100);
            System.out.printf("| pictures delivered per viewer | %.2f per second (camera rate 10) |%n",
                    pictures / (double) MEASURE_SECONDS / clients.size());
            System.out.printf("| throughput | %.1f Mbit/s |%n", bytes * 8 / 1e6 / MEASURE_SECONDS);
            System.out.printf("| simulator resident memory | %d MB |%n", cpu.residentKilobytes() / 1024);
            double rate = pictures / (double) MEASURE_SECONDS / clients.size();
            if (failed > 0 || rate < 9.0) {
                System.out.println("RESULT: INVALID (viewers failed or pictures missing): no figure to report");
                return false;
            }
            System.out.println(serving <= 0.10 ? "RESULT: within target" : "RESULT: above target");
            return true;
        } finally {
            clients.forEach(BenchRtspClient::stop);
            simulator.destroy();
            if (!simulator.waitFor(10, TimeUnit.SECONDS)) {
                simulator.destroyForcibly();
            }
        }
    }

    /** Until every camera's main stream is encoded: the encoder must not be running while we measure. */
    private static void waitUntilReady(Process simulator, File log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + CONTROL_PORT + "/cameras")).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            if (!simulator.isAlive()) {
                throw new IllegalStateException("simulator exited; see " + log);
            }
            try {
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                long ready = body.split("\"mainReady\":true", -1).length - 1;
                if (ready == 46) {
                    Thread.sleep(3000); // let the last encoder thread finish and the JIT settle
                    return;
                }
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                    System.out.println("waiting for main streams to be encoded (first run only): " + ready + "/46");
                    lastReport = System.nanoTime();
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("simulator not ready in 10 minutes; see " + log);
    }
}
