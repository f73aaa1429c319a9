package io.canhgac.gateway;

import com.sun.net.httpserver.HttpServer;
import io.canhgac.gateway.camera.CameraState;
import io.canhgac.gateway.health.HealthSettings;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole gateway against a small event-service stand-in on loopback: the registry's cameras
 * reach the stream workers, their status reaches the publisher, live view is optional and may
 * fail alone, and closing leaves none of the gateway's threads behind.
 */
class GatewayAssemblyTest {

    // nothing listens on the discard port of loopback: the stream fails at once and the worker keeps retrying
    private static final String DEAD_STREAM = "rtsp://127.0.0.1:9/none";
    private static final String REGISTRY = """
            [{"id":"cam-registry","name":"Cổng UBND","communeId":"xa-1","subStream":"%s","ptz":false}]
            """.formatted(DEAD_STREAM);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer service;
    private GatewayAssembly gateway;

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/api/ingest/cameras")) {
                byte[] body = REGISTRY.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(503, -1); // the publisher keeps its events and retries
            }
            exchange.close();
        });
        service.start();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        service.stop(0);
    }

    private GatewayNodeSettings settings(GatewayNodeSettings.LiveView live) {
        return settings(live, null);
    }

    private GatewayNodeSettings settings(GatewayNodeSettings.LiveView live, Path outbox) {
        return new GatewayNodeSettings("http://127.0.0.1:" + service.getAddress().getPort() + "/", "T",
                Duration.ofMillis(100), Duration.ofMillis(500), GatewaySettings.DEFAULTS, null, HealthSettings.DEFAULTS, 2,
                Duration.ofMinutes(10), Map.of("cam-static", DEAD_STREAM), live, outbox, null);
    }

    @Test
    void aGatewayRestartedWhileTheCentreIsAwayKeepsItsCamerasAndItsEvents(@TempDir Path data) {
        gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS).start(settings(null, data));
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.assignment("cam-registry").isPresent());
        // the centre answers events 503: the cameras' status changes wait in the outbox
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.outboxFigures().pending() >= 2);
        long pending = gateway.outboxFigures().pending();
        gateway.close();
        GatewayNodeSettings again = settings(null, data);
        service.stop(0); // the link is down for the restart

        gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS).start(again);
        assertThat(gateway.assignment("cam-registry")).as("the registry's last answer, from disk").isPresent();
        assertThat(gateway.states()).extracting(CameraState::cameraId).contains("cam-registry");
        assertThat(gateway.outboxFigures().pending()).as("nothing the first run made is lost").isGreaterThanOrEqualTo(pending);
    }

    @Test
    void followsTheRegistryPublishesStatusAndServesLiveView() throws IOException {
        gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS)
                .start(settings(new GatewayNodeSettings.LiveView(new InetSocketAddress("127.0.0.1", 0), new byte[32])));

        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.assignment("cam-registry").isPresent());
        assertThat(requests).contains("GET /api/ingest/cameras Bearer T");
        assertThat(gateway.states()).extracting(CameraState::cameraId).containsExactlyInAnyOrder("cam-static", "cam-registry");
        // the workers' status goes through the merger to the publisher, which posts it with the token
        await().atMost(Duration.ofSeconds(10)).until(() -> requests.contains("POST /api/ingest/events Bearer T"));
        int port = gateway.livePort().orElseThrow();
        try (Socket viewer = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(viewer.isConnected()).isTrue();
        }

        gateway.refreshNow();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> requests.stream().filter(r -> r.startsWith("GET /api/ingest/cameras")).count() >= 2);
    }

    @Test
    void runsWithoutLiveViewWhenItsPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS).start(settings(
                    new GatewayNodeSettings.LiveView(new InetSocketAddress("127.0.0.1", taken.getLocalPort()), new byte[32])));

            assertThat(gateway.livePort()).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.assignment("cam-registry").isPresent());
        }
    }

    @Test
    void closeStopsEveryPartItStartedAndOnlyOnce() {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS).start(settings(null));
        GatewayAssembly again = gateway.start(settings(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.assignment("cam-registry").isPresent());
        Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(before);
        List<String> names = started.stream().map(Thread::getName).toList();

        assertThat(again).isSameAs(gateway);
        // a second start made no second follower or publisher
        assertThat(names).containsOnlyOnce("registry-follower", "outbox-sender", "outbox-flusher");
        assertThat(names).anyMatch(n -> n.startsWith("stream-stats")).anyMatch(n -> n.startsWith("camera-cam-static"));

        gateway.close();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(started).filteredOn(Thread::isAlive).extracting(Thread::getName)
                        .filteredOn(GatewayAssemblyTest::gatewayThread).isEmpty());
        assertThat(gateway.states()).isEmpty();
        assertThat(gateway.assignment("cam-registry")).isEmpty();
        assertThatThrownBy(() -> gateway.start(settings(null))).isInstanceOf(IllegalStateException.class);
    }

    // the gateway's own threads; others (the JDK's HTTP selector, the stand-in's) may linger harmlessly
    private static boolean gatewayThread(String name) {
        return name.startsWith("registry-follower") || name.startsWith("outbox-") || name.startsWith("stream-stats")
                || name.startsWith("onvif-") || name.startsWith("gateway-timer") || name.startsWith("camera-")
                || name.startsWith("media-");
    }
}
