package io.canhgac.gateway.discovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Multicast discovery over real UDP multicast, kept off every real network: the scenario runs in a
 * child JVM inside a network namespace this test makes ({@code unshare -rn}), whose only interface
 * is {@code lo} with 224.0.0.0/4 routed to it.
 */
@Timeout(120)
class MulticastDiscoveryTest {

    private static final String NAMESPACE_SETUP = "ip link set lo up && ip route add 224.0.0.0/4 dev lo && exec \"$0\" \"$@\"";

    @Test
    void oneMulticastProbeFindsEveryCameraOnTheSegmentOnce() throws Exception {
        List<String> lines = runScenario();
        assertThat(lines).contains("SCENARIO DONE");
        List<String> devices = lines.stream().filter(l -> l.startsWith("SCENARIO DEVICE ")).map(l -> l.split(" ")[2]).toList();
        List<String[]> found = lines.stream().filter(l -> l.startsWith("SCENARIO FOUND ")).map(l -> l.split(" ")).toList();
        assertThat(devices).hasSize(3);
        assertThat(found).extracting(f -> f[3]).containsExactlyInAnyOrderElementsOf(devices);
        assertThat(found).extracting(f -> f[2]).doesNotHaveDuplicates();
        assertThat(found).extracting(f -> f[6]).containsExactlyInAnyOrder("Camera_1", "Camera_2", "Camera_3");
        for (String[] f : found) {
            assertThat(f[4]).isEqualTo("CG-SIM-" + f[6].substring("Camera_".length()));
            assertThat(f[5]).startsWith("vn/quang-nam/nong-son/");
        }
    }

    @Test
    void aLoopbackOnlyProbeRefusesARealInterface() throws Exception {
        NetworkInterface real = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(n -> {
                    try {
                        return !n.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst().orElse(null);
        assumeTrue(real != null, "this host has no interface but loopback");
        assertThatThrownBy(() -> WsDiscoveryProbe.loopbackOnly().multicast(real, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(real.getName());
    }

    private static List<String> runScenario() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("unshare", "-rn", "sh", "-c", NAMESPACE_SETUP,
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), MulticastDiscoveryScenario.class.getName())
                .redirectErrorStream(true).start();
        try {
            byte[] output = p.getInputStream().readAllBytes(); // until the child exits or closes its output
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("the multicast scenario did not finish in 90 s");
            }
            String out = new String(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            return out.lines().filter(l -> l.startsWith("SCENARIO ")).toList();
        } finally {
            p.destroyForcibly(); // our own child, by its handle; a no-op once it has exited
        }
    }
}
