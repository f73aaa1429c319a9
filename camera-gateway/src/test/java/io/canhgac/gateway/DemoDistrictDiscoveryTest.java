package io.canhgac.gateway;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.contract.registry.AddressRange;
import io.canhgac.gateway.discovery.DiscoveredCamera;
import io.canhgac.gateway.discovery.SweepProgress;
import io.canhgac.gateway.discovery.SweepSettings;
import io.canhgac.gateway.discovery.WsDiscoveryProbe;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onboarding.OnboardingResult;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Nông Sơn demo district (46 cameras on 127.0.10-50.x, one /24 per commune): one
 * unicast sweep per commune finds every camera by its Vietnamese name, and each onboards with its
 * inventory account. All cameras show one short scene, to keep the test quick.
 */
@Timeout(90)
class DemoDistrictDiscoveryTest {

    @Test
    void sweepingEachCommuneFindsAndOnboardsAllFortySixCameras() throws Exception {
        DistrictInventory demo = new DistrictInventoryLoader().loadDemo();
        // names repeat between communes ("Chợ xã"); addresses do not
        Map<String, CameraSpec> byHost = demo.cameras().stream().collect(Collectors.toMap(CameraSpec::host, Function.identity()));
        assertThat(byHost).hasSize(46);
        SimulatorOptions options = new SimulatorOptions(true, "127.0.0.1", 0, false, true, Path.of("target/scene-cache"),
                name -> SimulatedDistrict.SCENE, 0, true);
        try (CameraSimulator simulator = CameraSimulator.start(demo, options)) {
            List<DiscoveredCamera> found = new ArrayList<>();
            List<SweepProgress> last = new CopyOnWriteArrayList<>();
            for (int commune : new int[] {10, 20, 30, 40, 50}) {
                List<SweepProgress> progress = new CopyOnWriteArrayList<>();
                found.addAll(WsDiscoveryProbe.loopbackOnly().sweep(AddressRange.parse("127.0." + commune + ".0/24"),
                        new SweepSettings(64, Duration.ofMillis(200)), progress::add));
                last.add(progress.get(progress.size() - 1));
            }
            assertThat(last).allMatch(p -> p.done() == 254 && p.total() == 254);
            assertThat(last).extracting(SweepProgress::found).containsExactly(11, 9, 8, 10, 8);
            assertThat(found).extracting(c -> c.answeredFrom().getHostAddress()).containsExactlyInAnyOrderElementsOf(byHost.keySet());
            assertThat(found).extracting(DiscoveredCamera::endpointReference).doesNotHaveDuplicates();
            for (DiscoveredCamera c : found) {
                CameraSpec spec = byHost.get(c.answeredFrom().getHostAddress());
                assertThat(c.scopes().name()).isEqualTo(spec.name());
                assertThat(c.deviceService().getHost()).isEqualTo(spec.host());
                assertThat(c.scopes().hardware()).isEqualTo(spec.model());
                assertThat(c.scopes().location()).isEqualTo("vn/quang-nam/nong-son/" + spec.commune());
            }

            OnvifClientSettings onvif = OnvifClientSettings.DEFAULTS.withTimeout(Duration.ofSeconds(3));
            CameraOnboarding onboarding = new CameraOnboarding(SoapClient.newHttpClient(onvif), onvif, Duration.ofSeconds(5));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<OnboardingResult>> results = new ArrayList<>();
                for (DiscoveredCamera c : found) {
                    CameraSpec spec = byHost.get(c.answeredFrom().getHostAddress());
                    OnvifCredentials account = new OnvifCredentials(spec.username(), spec.password());
                    results.add(pool.submit(() -> onboarding.onboard(c.deviceService().toString(), account)));
                }
                for (Future<OnboardingResult> r : results) {
                    assertThat(r.get()).isInstanceOf(OnboardingResult.Onboarded.class);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
