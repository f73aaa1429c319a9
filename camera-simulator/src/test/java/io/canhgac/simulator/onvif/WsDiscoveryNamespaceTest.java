package io.canhgac.simulator.onvif;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WS-Discovery over real UDP multicast, kept off every real network: the scenario runs in a child
 * JVM inside a network namespace this test makes ({@code unshare -rn}), whose only interface is
 * {@code lo} with 224.0.0.0/4 routed to it. The responder also pins its multicast to {@code lo}, and
 * the scenario refuses to run if it sees any other interface. Skipped where namespaces cannot be made.
 */
@Timeout(120)
class WsDiscoveryNamespaceTest {

    private static final String NAMESPACE_SETUP = "ip link set lo up && ip route add 224.0.0.0/4 dev lo && exec \"$0\" \"$@\"";

    @Test
    void camerasSharingTheGroupEachAnswerForThemselvesAndAnnounceThemselves() throws Exception {
        assertThat(canMakeNetworkNamespace()).as("a network namespace (unshare -rn) to keep multicast off the host network").isTrue();
        List<String> lines = runScenario();
        assertThat(lines).as("scenario output").contains("SCENARIO DONE");

        Map<String, String> xaddrByEpr = lines.stream().filter(l -> l.startsWith("SCENARIO DEVICE "))
                .map(l -> l.split(" ")).collect(Collectors.toMap(f -> f[2], f -> f[3]));
        assertThat(xaddrByEpr).hasSize(3);
        assertThat(xaddrByEpr.values()).allMatch(x -> x.matches("http://127\\.0\\.0\\.1[123]:\\d+/onvif/device_service"));

        // Hello from each camera, each with its own XAddrs.
        assertThat(fields(lines, "HELLO")).containsExactlyInAnyOrderElementsOf(
                xaddrByEpr.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());

        // A multicast Probe: all three answer, related to the probe, from their own address, with their own XAddrs.
        List<List<String>> all = fields(lines, "MATCH", "all");
        assertThat(all).hasSize(3);
        for (List<String> m : all) {
            assertThat(m.get(0)).isEqualTo("related");
            assertThat(m.get(2)).isEqualTo(xaddrByEpr.get(m.get(1)));
            assertThat(m.get(2)).startsWith("http://" + m.get(3) + ":");
        }
        assertThat(all.stream().map(m -> m.get(1)).distinct()).hasSize(3);

        // A scope narrows it to the two cameras in Quế Lộc; a type nobody has gets silence.
        assertThat(fields(lines, "MATCH", "queloc")).extracting(m -> m.get(3)).containsExactlyInAnyOrder("127.0.0.11", "127.0.0.12");
        assertThat(fields(lines, "MATCH", "printer")).isEmpty();

        // A unicast Probe to one camera's address: that camera alone answers, at once.
        List<List<String>> unicast = fields(lines, "MATCH", "unicast");
        assertThat(unicast).hasSize(1);
        assertThat(unicast.get(0).get(3)).isEqualTo("127.0.0.12");
        assertThat(unicast.get(0).get(0)).isEqualTo("related");

        // The stopped camera says Bye.
        String third = xaddrByEpr.entrySet().stream().filter(e -> e.getValue().contains("127.0.0.13")).findFirst().orElseThrow().getKey();
        assertThat(fields(lines, "BYE")).containsExactly(List.of(third));
    }

    private static List<List<String>> fields(List<String> lines, String kind) {
        String prefix = "SCENARIO " + kind + " ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> List.of(l.substring(prefix.length()).split(" "))).toList();
    }

    private static List<List<String>> fields(List<String> lines, String kind, String label) {
        return fields(lines, kind).stream().filter(f -> f.get(0).equals(label)).map(f -> f.subList(1, f.size())).toList();
    }

    private static boolean canMakeNetworkNamespace() {
        try {
            Process p = new ProcessBuilder("unshare", "-rn", "sh", "-c", NAMESPACE_SETUP, "true")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<String> runScenario() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("unshare", "-rn", "sh", "-c", NAMESPACE_SETUP,
                java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), WsDiscoveryScenario.class.getName())
                .redirectErrorStream(true).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("the discovery scenario did not finish in 90 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            return out.lines().filter(l -> l.startsWith("SCENARIO ")).toList();
        } finally {
            p.destroyForcibly(); // our own child, by its handle; a no-op once it has exited
        }
    }
}
