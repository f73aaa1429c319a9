package io.canhgac.simulator;

import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.simulator.control.FaultControlServer;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulated district on its own:
 * {@code java -cp … io.canhgac.simulator.SimulatorMain [--inventory F] [--rtsp-port 8554] [--onvif-port 8899] [--control-port 8555]}.
 * Every camera listens on its inventory address; prints each camera's RTSP URL and runs until interrupted.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        String inventoryFile = null;
        int rtspPort = 8554;
        int controlPort = 8555;
        int onvifPort = SimulatorOptions.DEMO_ONVIF_PORT;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--inventory" -> inventoryFile = value;
                case "--rtsp-port" -> rtspPort = Integer.parseInt(value);
                case "--control-port" -> controlPort = Integer.parseInt(value);
                case "--onvif-port" -> onvifPort = Integer.parseInt(value);
                default -> {
                    System.err.println("usage: SimulatorMain [--inventory FILE] [--rtsp-port 8554] [--onvif-port 8899] [--control-port 8555]");
                    System.exit(2);
                }
            }
            i++;
        }
        DistrictInventory inventory = new DistrictInventoryLoader().loadOrDemo(inventoryFile);
        CameraSimulator simulator = CameraSimulator.start(inventory, SimulatorOptions.demo().withPorts(rtspPort, onvifPort));
        FaultControlServer control = FaultControlServer.start(simulator, new InetSocketAddress("127.0.0.1", controlPort));
        simulator.rtspUrls().forEach((id, url) -> System.out.println(id + " " + url));
        simulator.cameras().forEach(c -> c.onvifUrl().ifPresent(u -> System.out.println(c.id() + " onvif " + u)));
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
