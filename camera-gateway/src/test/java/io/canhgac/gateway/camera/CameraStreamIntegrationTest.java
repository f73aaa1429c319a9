package io.canhgac.gateway.camera;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;
import io.canhgac.gateway.CameraGateway;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway against the real simulator over loopback: decoding, motion, and every way a stream fails. */
class CameraStreamIntegrationTest {

    /** A 12 s loop: a car crosses from 5 s to 8 s. */
    static final SceneScript SCENE = new SceneScript("gateway-test", 640, 360, 10, 12, 2.0, 11,
            List.of(MovingObject.car(5, 8, 230)));
    static final GatewaySettings FAST = GatewaySettings.DEFAULTS
            .withReconnect(Duration.ofMillis(200), Duration.ofMillis(800))
            .withIoTimeout(Duration.ofMillis(1500));

    static CameraSimulator simulator;
    private final List<CameraEvent> events = new CopyOnWriteArrayList<>();
    private CameraGateway gateway;

    @BeforeAll
    static void startSimulator() throws Exception {
        DistrictInventory inventory = new DistrictInventory("test", "Asia/Ho_Chi_Minh",
                List.of(new Commune("c", "C")),
                List.of(CameraSpec.simulated("CAM-1", "one", "c", "test", 0)));
        simulator = CameraSimulator.start(inventory, SimulatorOptions.forTests(Path.of("target/scene-cache"), name -> SCENE));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @AfterEach
    void stopGateway() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        SimulatedCamera camera = simulator.camera("CAM-1");
        camera.resume();
        camera.setPicture(StreamBroadcaster.Picture.LIVE);
        if (!camera.isPoweredOn()) {
            camera.powerOn();
        }
    }

    private CameraGateway gateway(String url) {
        gateway = new CameraGateway(Map.of("CAM-1", url), FAST, events::add).start();
        return gateway;
    }

    private List<EventType> healthEvents() {
        return events.stream().map(CameraEvent::type).filter(t -> !t.isMotion()).toList();
    }

    @Test
    void decodesInRealTimeAndRaisesMotionOnlyWhileTheCarCrosses() {
        SimulatedCamera camera = simulator.camera("CAM-1");
        gateway(camera.rtspUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.state("CAM-1").status() == CameraStatus.ONLINE);
        Instant origin = camera.subStream().sceneOrigin();
        // wait until one full crossing after the gateway connected has ended and been closed
        Instant connected = Instant.now();
        long loops = Math.max(0, Duration.between(origin, connected).toMillis() + 1000) / 12_000;
        Instant onset = origin.plusMillis(loops * 12_000 + 5_000);
        if (onset.isBefore(connected.plusSeconds(1))) {
            onset = onset.plusSeconds(12);
        }
        Instant end = onset.plusSeconds(3);
        await().atMost(Duration.between(Instant.now(), end).plusSeconds(5))
                .until(() -> events.stream().anyMatch(e -> e.type() == EventType.MOTION_END && e.occurredAt().isAfter(onsetMinus(end))));

        // a gateway that connects while a car is crossing reports the rest of that crossing too: it is not the one under test
        Instant previousCrossingOver = onset.minusSeconds(12).plusSeconds(3).plusMillis(1500);
        List<CameraEvent> motion = events.stream().filter(e -> e.type().isMotion())
                .filter(e -> e.occurredAt().isAfter(previousCrossingOver)).toList();
        CameraEvent start = motion.stream().filter(e -> e.type() == EventType.MOTION_START).findFirst().orElseThrow();
        assertThat(Duration.between(onset, start.occurredAt()).toMillis())
                .as("motion start relative to the scripted onset").isBetween(-150L, 700L);
        CameraEvent stop = motion.stream().filter(e -> e.type() == EventType.MOTION_END).findFirst().orElseThrow();
        assertThat(Duration.between(end, stop.occurredAt()).toMillis()).as("motion end vs scripted end").isBetween(-700L, 1500L);
        assertThat(motion).as("exactly one start and one end: nothing during the idle part").hasSize(2);
        assertThat(stop.score()).isBetween(0.005, 0.1);

        CameraState state = gateway.state("CAM-1");
        double seconds = Duration.between(connected, state.lastFrameAt()).toMillis() / 1000.0;
        assertThat(state.framesDecoded() / seconds).as("decoded fps").isBetween(8.0, 12.0);
    }

    private static Instant onsetMinus(Instant end) {
        return end.minusSeconds(4);
    }

    @Test
    void refusedConnectionIsOfflineWithAReasonAndRetriedWithCappedBackoff() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        gateway("rtsp://127.0.0.1:" + closedPort + "/sub");
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.state("CAM-1").reconnects() >= 4);
        CameraState state = gateway.state("CAM-1");
        assertThat(state.status()).isEqualTo(CameraStatus.OFFLINE);
        assertThat(state.reason()).contains("connection refused");
        assertThat(healthEvents()).as("one offline event, not one per retry").containsExactly(EventType.CAMERA_OFFLINE);
        assertThat(events.get(0).detail()).contains("connection refused");
    }

    @Test
    void cameraThatNeverAnswersTimesOutInsteadOfHanging() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accept, then say nothing
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.start();
            gateway("rtsp://127.0.0.1:" + silent.getLocalPort() + "/sub");
            await().atMost(Duration.ofSeconds(8)).until(() -> gateway.state("CAM-1").status() == CameraStatus.OFFLINE);
            assertThat(gateway.state("CAM-1").reason()).contains("no answer or no data in time");
        }
    }

    @Test
    void silentCamerasDoNotDelayAHealthyOne() throws Exception {
        List<ServerSocket> silent = new ArrayList<>();
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try {
            Map<String, String> streams = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                ServerSocket s = new ServerSocket(0);
                silent.add(s);
                Thread acceptor = new Thread(() -> {
                    try {
                        while (true) {
                            accepted.add(s.accept());
                        }
                    } catch (IOException closed) {
                        // test over
                    }
                });
                acceptor.setDaemon(true);
                acceptor.start();
                streams.put("SILENT-" + i, "rtsp://127.0.0.1:" + s.getLocalPort() + "/sub");
            }
            streams.put("CAM-1", simulator.camera("CAM-1").rtspUrl()); // started last, behind the silent ones
            long started = System.nanoTime();
            gateway = new CameraGateway(streams, FAST, events::add).start();
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.state("CAM-1").status() == CameraStatus.ONLINE);
            long ms = (System.nanoTime() - started) / 1_000_000;
            // opening waits for a keyframe (one a second); three serialised 1.5 s timeouts would add 4.5 s
            assertThat(ms).as("healthy camera online after %d ms", ms).isLessThan(2500);
        } finally {
            for (ServerSocket s : silent) {
                s.close();
            }
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void unknownStreamPathSaysSo() {
        String url = simulator.camera("CAM-1").rtspUrl().replace("/sub", "/nope");
        gateway(url);
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.state("CAM-1").status() == CameraStatus.OFFLINE);
        assertThat(gateway.state("CAM-1").reason()).contains("no stream at this path");
    }

    @Test
    void powerLossMidStreamIsOfflineAndTheGatewayRecoversByItself() throws Exception {
        SimulatedCamera camera = simulator.camera("CAM-1");
        gateway(camera.rtspUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.state("CAM-1").framesDecoded() > 10);

        camera.powerOff();
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.state("CAM-1").status() == CameraStatus.OFFLINE);
        assertThat(gateway.state("CAM-1").reason()).containsAnyOf("stream closed by", "connection refused");
        Thread.sleep(1500); // several refused reconnects while it is down
        long framesWhileDown = gateway.state("CAM-1").framesDecoded();

        camera.powerOn();
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.state("CAM-1").status() == CameraStatus.ONLINE);
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.state("CAM-1").framesDecoded() > framesWhileDown + 10);
        assertThat(healthEvents()).containsExactly(EventType.CAMERA_ONLINE, EventType.CAMERA_OFFLINE, EventType.CAMERA_ONLINE);
    }

    @Test
    void frozenAndBlackPicturesDegradeTheCameraAndClearWhenTheyEnd() {
        SimulatedCamera camera = simulator.camera("CAM-1");
        gateway(camera.rtspUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.state("CAM-1").framesDecoded() > 10);
        try {
            camera.setPicture(StreamBroadcaster.Picture.FROZEN);
            await().atMost(Duration.ofSeconds(8)).until(() -> gateway.state("CAM-1").status() == CameraStatus.DEGRADED);
            assertThat(gateway.state("CAM-1").reason()).contains("picture frozen");
            camera.setPicture(StreamBroadcaster.Picture.LIVE);
            await().atMost(Duration.ofSeconds(4)).until(() -> gateway.state("CAM-1").status() == CameraStatus.ONLINE);

            camera.setPicture(StreamBroadcaster.Picture.COVERED);
            await().atMost(Duration.ofSeconds(8)).until(() -> gateway.state("CAM-1").status() == CameraStatus.DEGRADED);
            assertThat(gateway.state("CAM-1").reason()).contains("picture black");
        } finally {
            camera.setPicture(StreamBroadcaster.Picture.LIVE);
        }
        await().atMost(Duration.ofSeconds(4)).until(() -> gateway.state("CAM-1").status() == CameraStatus.ONLINE);
        List<CameraEvent> health = events.stream().filter(e -> !e.type().isMotion()).toList();
        assertThat(health).extracting(CameraEvent::status).containsExactly(CameraStatus.ONLINE, CameraStatus.DEGRADED,
                CameraStatus.ONLINE, CameraStatus.DEGRADED, CameraStatus.ONLINE);
    }

    @Test
    void streamThatStallsWithItsConnectionOpenIsDetectedAndRecovers() {
        SimulatedCamera camera = simulator.camera("CAM-1");
        gateway(camera.rtspUrl());
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.state("CAM-1").framesDecoded() > 10);

        camera.stall();
        long stalledAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(6)).until(() -> gateway.state("CAM-1").status() == CameraStatus.OFFLINE);
        long detectedMs = (System.nanoTime() - stalledAt) / 1_000_000;
        assertThat(detectedMs).as("stall detected within the I/O timeout plus slack").isLessThan(4000);
        assertThat(gateway.state("CAM-1").reason()).contains("no picture for 1500 ms");

        camera.resume();
        await().atMost(Duration.ofSeconds(8)).until(() -> gateway.state("CAM-1").status() == CameraStatus.ONLINE);
        assertThat(healthEvents()).containsExactly(EventType.CAMERA_ONLINE, EventType.CAMERA_OFFLINE, EventType.CAMERA_ONLINE);
    }
}
