package io.canhgac.gateway.health;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
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

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pull-point life cycle against a simulated camera: renewal, recreation after power loss, tamper events. */
@Timeout(60)
class CameraEventSubscriptionTest {

    private static final OnvifClientSettings FAST = OnvifClientSettings.DEFAULTS.withTimeout(Duration.ofSeconds(1));
    /** A 2 s lifetime renewed every second; 400 ms pulls. */
    private static final PullSettings PULL =
            new PullSettings(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofMillis(800));

    private CameraSimulator simulator;
    private SimulatedCamera camera;
    private final EventLoop loop = new DefaultEventLoop();
    private final ExecutorService blocking = Executors.newCachedThreadPool();
    private final List<CameraEvent> events = new CopyOnWriteArrayList<>();
    private CameraEventSubscription subscription;

    @BeforeEach
    void start() throws Exception {
        simulator = CameraSimulator.start(SimulatedDistrict.cameras(76, 1), SimulatedDistrict.sharedAddress());
        camera = simulator.cameras().get(0);
        SoapClient soap = new SoapClient(FAST, new OnvifCredentials(SimulatedDistrict.USER, SimulatedDistrict.PASSWORD));
        OnvifDeviceClient device = new OnvifDeviceClient(soap, URI.create(camera.onvifUrl().orElseThrow()));
        subscription = new CameraEventSubscription(camera.id(), soap, device, PULL, events::add, loop, blocking);
        subscription.start();
    }

    @AfterEach
    void stop() throws Exception {
        subscription.close();
        blocking.shutdownNow();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        simulator.close();
    }

    @Test
    void aLongLivedSubscriptionIsRenewedNotRecreated() {
        await().atMost(Duration.ofSeconds(10)).until(() -> subscription.renewals() >= 3);
        assertThat(subscription.subscriptionsCreated()).isEqualTo(1);
        // still delivering after outliving its first lifetime three times over
        camera.setPicture(StreamBroadcaster.Picture.COVERED);
        await().atMost(Duration.ofSeconds(5)).until(() -> has(EventType.CAMERA_TAMPER_START, 1));
        camera.setPicture(StreamBroadcaster.Picture.LIVE);
        await().atMost(Duration.ofSeconds(5)).until(() -> has(EventType.CAMERA_TAMPER_END, 1));
        assertThat(subscription.subscriptionsCreated()).isEqualTo(1);
    }

    @Test
    void afterAPowerCutANewSubscriptionCarriesOn() {
        await().atMost(Duration.ofSeconds(5)).until(() -> subscription.subscriptionsCreated() == 1);
        camera.offlineFor(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> subscription.subscriptionsCreated() >= 2);
        camera.setPicture(StreamBroadcaster.Picture.COVERED);
        await().atMost(Duration.ofSeconds(5)).until(() -> has(EventType.CAMERA_TAMPER_START, 1));
        assertThat(events).filteredOn(e -> e.type() == EventType.CAMERA_TAMPER_START).allMatch(e -> e.cameraId().equals(camera.id()));
    }

    private boolean has(EventType type, int count) {
        return events.stream().filter(e -> e.type() == type).count() >= count;
    }
}
