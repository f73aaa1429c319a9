package io.canhgac.simulator;

import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.simulator.control.FaultControlServer;

import java.net.InetSocketAddress;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulated district on its own: {@code java -cp … io.canhgac.simulator.SimulatorMain
 * [inventory.yaml]}. Every camera listens on its inventory address, port 8554. Prints each
 * camera's RTSP URL and runs until interrupted.
 */
public final class SimulatorMain {

    static final int CONTROL_PORT = 8555;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        DistrictInventory inventory = new DistrictInventoryLoader().loadOrDemo(args.length > 0 ? args[0] : null);
        CameraSimulator simulator = CameraSimulator.start(inventory, SimulatorOptions.demo());
        FaultControlServer control = FaultControlServer.start(simulator, new InetSocketAddress("127.0.0.1", CONTROL_PORT));
        simulator.rtspUrls().forEach((id, url) -> System.out.println(id + " " + url));
        System.out.println("fault control: http://127.0.0.1:" + control.address().getPort() + "/cameras");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.close();
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
