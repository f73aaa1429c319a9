package io.canhgac.gateway.discovery;

import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.CameraSimulator;

import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * What {@link MulticastDiscoveryTest} runs in a child JVM inside a network namespace of its own:
 * three simulated cameras on 127.0.74.11-13 and one multicast Probe on {@code lo}. Prints one
 * line per camera found, prefixed {@code SCENARIO}. Refuses to run unless {@code lo} is the only
 * interface, so it can never multicast onto a real network.
 */
final class MulticastDiscoveryScenario {

    private MulticastDiscoveryScenario() {
    }

    public static void main(String[] args) throws Exception {
        List<String> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .map(NetworkInterface::getName).toList();
        if (!interfaces.equals(List.of("lo"))) {
            System.out.println("SCENARIO REFUSED interfaces " + interfaces);
            System.exit(3);
        }
        try (CameraSimulator simulator = CameraSimulator.start(SimulatedDistrict.cameras(74, 3),
                SimulatedDistrict.perCameraAddresses())) {
            simulator.cameras().forEach(c -> System.out.println("SCENARIO DEVICE " + c.onvifUrl().orElseThrow()));
            List<DiscoveredCamera> found = WsDiscoveryProbe.loopbackOnly()
                    .multicast(NetworkInterface.getByName("lo"), Duration.ofMillis(1500));
            for (DiscoveredCamera c : found) {
                System.out.println("SCENARIO FOUND " + c.endpointReference() + " " + c.deviceService() + " "
                        + c.scopes().hardware() + " " + c.scopes().location() + " " + c.scopes().name().replace(' ', '_'));
            }
            System.out.println("SCENARIO DONE");
        }
        System.exit(0); // the simulator's non-daemon threads must not keep the child alive
    }
}
