package io.canhgac.gateway;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;
import io.canhgac.contract.registry.AddressRange;
import io.canhgac.gateway.discovery.DiscoveredCamera;
import io.canhgac.gateway.discovery.SweepSettings;
import io.canhgac.gateway.discovery.WsDiscoveryProbe;
import io.canhgac.gateway.health.CameraHealthPoller;
import io.canhgac.gateway.health.HealthSettings;
import io.canhgac.gateway.health.OnvifCameraWatch;
import io.canhgac.gateway.health.PullSettings;
import io.canhgac.gateway.onboarding.CameraOnboarding;
import io.canhgac.gateway.onboarding.CameraRecord;
import io.canhgac.gateway.onboarding.OnboardingResult;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4 end to end against a simulated commune on 127.0.73.11-14: the unicast sweep finds the
 * cameras, onboarding registers them, and the health poller and event subscriptions report an
 * outage and its end, a changed password and a covered lens.
 */
@Timeout(120)
class CameraNetworkIntegrationTest {

    private static final int SUBNET = 73;
    private static final OnvifClientSettings ONVIF = OnvifClientSettings.DEFAULTS.withTimeout(Duration.ofSeconds(1));
    private static final HealthSettings HEALTH =
            new HealthSettings(Duration.ofMillis(500), Duration.ofMillis(250), Duration.ofSeconds(1), 1);
    private static final PullSettings PULL =
            new PullSettings(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofSeconds(1));
    /** One poll interval, the longest backoff and one call's timeout, with room for a loaded machine. */
    private static final Duration DETECT = HEALTH.interval().plus(HEALTH.retryMax()).plus(ONVIF.timeout()).plusSeconds(2);

    private CameraSimulator simulator;
    private final EventLoop loop = new DefaultEventLoop();
    private final ExecutorService blocking = Executors.newCachedThreadPool();
    private final HttpClient http = SoapClient.newHttpClient(ONVIF);
    private final List<CameraEvent> events = new CopyOnWriteArrayList<>();
    private final List<OnvifCameraWatch> watches = new ArrayList<>();
    private CameraHealthPoller poller;

    @BeforeEach
    void start() throws Exception {
        simulator = CameraSimulator.start(SimulatedDistrict.cameras(SUBNET, 4), SimulatedDistrict.perCameraAddresses());
        poller = new CameraHealthPoller(loop, blocking, HEALTH, events::add);
    }

    @AfterEach
    void stop() throws Exception {
        watches.forEach(OnvifCameraWatch::close);
        poller.close();
        blocking.shutdownNow();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        simulator.close();
    }

    @Test
    void discoverOnboardAndWatchACommune() throws Exception {
        // 1. the sweep finds every camera
        List<DiscoveredCamera> found = WsDiscoveryProbe.loopbackOnly().sweep(
                AddressRange.parse("127.0." + SUBNET + ".0/27"), new SweepSettings(16, Duration.ofMillis(300)), p -> { });
        assertThat(found).extracting(c -> c.scopes().name())
                .containsExactlyInAnyOrder("Camera 1", "Camera 2", "Camera 3", "Camera 4");

        // 2. onboarding registers each of them, by the address discovery gave
        OnvifCredentials account = new OnvifCredentials(SimulatedDistrict.USER, SimulatedDistrict.PASSWORD);
        CameraOnboarding onboarding = new CameraOnboarding(http, ONVIF, Duration.ofSeconds(3));
        Map<String, CameraRecord> records = new LinkedHashMap<>();
        for (DiscoveredCamera camera : found) {
            OnboardingResult result = onboarding.onboard(camera.deviceService().toString(), account);
            assertThat(result).as(camera.scopes().name()).isInstanceOf(OnboardingResult.Onboarded.class);
            records.put(idOf(camera.scopes().name()), ((OnboardingResult.Onboarded) result).camera());
        }
        assertThat(records.get(id(3)).device().model()).isEqualTo("CG-SIM-3");

        // 3. watch them all: each comes ONLINE once
        records.forEach((id, record) -> watch(id, record, account));
        await().atMost(DETECT).until(() -> records.keySet().stream().allMatch(id -> poller.status(id) == CameraStatus.ONLINE));
        assertThat(events).filteredOn(e -> e.type() == EventType.CAMERA_ONLINE).extracting(CameraEvent::cameraId)
                .containsExactlyInAnyOrderElementsOf(records.keySet());

        // 4. an outage is reported within a poll interval plus backoff, and its end too
        simulator.camera(id(1)).offlineFor(Duration.ofSeconds(3));
        CameraEvent offline = awaitEvent(id(1), EventType.CAMERA_OFFLINE, DETECT);
        assertThat(offline.status()).isEqualTo(CameraStatus.OFFLINE);
        assertThat(offline.detail()).contains("no connection to the camera");
        awaitEvent(id(1), EventType.CAMERA_ONLINE, Duration.ofSeconds(3).plus(DETECT), offline);

        // 5. a password changed on the camera shows as UNAUTHORIZED, not as offline
        simulator.camera(id(2)).changePassword("changed-by-someone");
        CameraEvent refused = awaitEvent(id(2), EventType.CAMERA_OFFLINE, DETECT);
        assertThat(refused.status()).isEqualTo(CameraStatus.UNAUTHORIZED);
        assertThat(refused.detail()).contains("refused the credentials");

        // 6. a covered lens is the camera's own tamper event, and uncovering ends it
        SimulatedCamera three = simulator.camera(id(3));
        three.setPicture(StreamBroadcaster.Picture.COVERED);
        CameraEvent tamper = awaitEvent(id(3), EventType.CAMERA_TAMPER_START, Duration.ofSeconds(5));
        assertThat(tamper.status()).isNull();
        assertThat(tamper.detail()).contains("GlobalSceneChange");
        three.setPicture(StreamBroadcaster.Picture.LIVE);
        awaitEvent(id(3), EventType.CAMERA_TAMPER_END, Duration.ofSeconds(5), tamper);

        // 7. the camera that rebooted has a new subscription: its tamper is seen too
        simulator.camera(id(1)).setPicture(StreamBroadcaster.Picture.COVERED);
        awaitEvent(id(1), EventType.CAMERA_TAMPER_START, Duration.ofSeconds(5).plus(PULL.retryMax()));

        // camera-side motion follows the scene (a car every 12 s): start and end, in that order
        CameraEvent motion = awaitEvent(id(4), EventType.CAMERA_MOTION_START, Duration.ofSeconds(14));
        awaitEvent(id(4), EventType.CAMERA_MOTION_END, Duration.ofSeconds(5), motion);

        // nothing else changed health: camera 3 and 4 stayed online throughout
        assertThat(events).filteredOn(e -> e.type().isHealth() && (e.cameraId().equals(id(3)) || e.cameraId().equals(id(4))))
                .extracting(CameraEvent::status).containsOnly(CameraStatus.ONLINE).hasSize(2);
    }

    private void watch(String id, CameraRecord record, OnvifCredentials account) {
        watches.add(new OnvifCameraWatch(id, record.deviceService(), account, http, ONVIF, poller, PULL, events::add, loop,
                blocking).start());
    }

    private CameraEvent awaitEvent(String cameraId, EventType type, Duration within) {
        return awaitEvent(cameraId, type, within, null);
    }

    /** The first event of this camera and type after {@code after} (or at all). */
    private CameraEvent awaitEvent(String cameraId, EventType type, Duration within, CameraEvent after) {
        return await().atMost(within).until(() -> {
            int from = after == null ? 0 : events.indexOf(after) + 1;
            return events.subList(from, events.size()).stream()
                    .filter(e -> e.cameraId().equals(cameraId) && e.type() == type).findFirst().orElse(null);
        }, e -> e != null);
    }

    private static String id(int i) {
        return SimulatedDistrict.id(SUBNET, i);
    }

    private static String idOf(String name) {
        return id(Integer.parseInt(name.substring("Camera ".length())));
    }
}
