package io.canhgac.simulator;

import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.simulator.scene.SceneEncoder;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulated district on its own: {@code java -cp … io.canhgac.simulator.SimulatorMain
 * [inventory.yaml] [basePort]}. Prints each camera's RTSP URL and runs until interrupted.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        DistrictInventory inventory = new DistrictInventoryLoader().loadOrDemo(args.length > 0 ? args[0] : null);
        int basePort = args.length > 1 ? Integer.parseInt(args[1]) : 8554;
        CameraSimulator simulator = CameraSimulator.start(inventory, "127.0.0.1", basePort, SceneEncoder.defaultCacheDir());
        simulator.rtspUrls().forEach((id, url) -> System.out.println(id + " " + url));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
