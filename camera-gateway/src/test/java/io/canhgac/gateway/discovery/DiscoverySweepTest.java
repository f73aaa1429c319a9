package io.canhgac.gateway.discovery;

import io.canhgac.contract.registry.AddressRange;
import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unicast sweep against simulated cameras, each on its own loopback address (127.0.71.11-15). */
@Timeout(60)
class DiscoverySweepTest {

    private static final int SUBNET = 71;
    private static CameraSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = CameraSimulator.start(SimulatedDistrict.cameras(SUBNET, 5), SimulatedDistrict.perCameraAddresses());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void sweepFindsEveryCameraOnceWithItsIdentityAndReportsProgress() throws Exception {
        List<SweepProgress> progress = new CopyOnWriteArrayList<>();
        List<DiscoveredCamera> found = WsDiscoveryProbe.loopbackOnly()
                .sweep(AddressRange.parse("127.0." + SUBNET + ".1-127.0." + SUBNET + ".40"),
                        new SweepSettings(8, Duration.ofMillis(250)), progress::add);

        Map<String, URI> expected = simulator.cameras().stream().collect(Collectors.toMap(
                SimulatedCamera::name, c -> URI.create(c.onvifUrl().orElseThrow())));
        assertThat(found).hasSize(5);
        assertThat(found).extracting(DiscoveredCamera::endpointReference).doesNotHaveDuplicates().allMatch(e -> e.startsWith("urn:uuid:"));
        for (DiscoveredCamera camera : found) {
            String name = camera.scopes().name();
            assertThat(expected).containsKey(name);
            assertThat(camera.deviceService()).isEqualTo(expected.get(name));
            assertThat(camera.answeredFrom().getHostAddress()).isEqualTo(expected.get(name).getHost());
            assertThat(camera.scopes().hardware()).isEqualTo("CG-SIM-" + name.substring("Camera ".length()));
        }
        DiscoveredCamera second = found.stream().filter(c -> c.scopes().name().equals("Camera 2")).findFirst().orElseThrow();
        assertThat(second.scopes().location()).isEqualTo("vn/quang-nam/nong-son/son-vien");

        // 40 addresses in batches of 8; the cameras (.11-.15) are all in the second batch
        assertThat(progress).extracting(SweepProgress::done).containsExactly(8, 16, 24, 32, 40);
        assertThat(progress).allMatch(p -> p.total() == 40);
        assertThat(progress).extracting(SweepProgress::found).containsExactly(0, 5, 5, 5, 5);
        assertThat(progress.get(progress.size() - 1).finished()).isTrue();
    }

    @Test
    void aLoopbackOnlyProbeRefusesAnyOtherRangeBeforeSendingAnything() {
        List<SweepProgress> progress = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> WsDiscoveryProbe.loopbackOnly()
                .sweep(AddressRange.parse("192.168.1.0/24"), SweepSettings.DEFAULTS, progress::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("192.168.1.1-192.168.1.254");
        assertThat(progress).isEmpty();
    }
}
