package io.canhgac.bench;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.simulator.scene.SceneCatalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 3's cost target: serving all 46 demo cameras while 46 clients pull the substreams should
 * cost at most 10% of one core. The simulator runs in a child JVM (so only its CPU is counted),
 * idle first and then with 46 viewers, side by side in one run.
 */
final class SimulatorServingBench {

    static final int IDLE_SECONDS = 10;
    static final int WARMUP_SECONDS = 5;
    static final int MEASURE_SECONDS = 30;

    private SimulatorServingBench() {
    }

    /** @return false when the run is invalid (viewers failed, pictures missing) */
    static boolean run() throws Exception {
        DistrictInventory district = new DistrictInventoryLoader().loadDemo();
        List<BenchRtspClient> clients = new ArrayList<>();
        try (SimulatorChild simulator = SimulatorChild.start(true)) {
            ProcessCpu cpu = new ProcessCpu(simulator.pid());
            double idle = cpu.coreShare(IDLE_SECONDS);

            for (CameraSpec camera : district.cameras()) {
                BenchRtspClient client = new BenchRtspClient(camera.host(), SimulatorChild.RTSP_PORT, "sub", camera.username(), camera.password());
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
        }
    }
}
