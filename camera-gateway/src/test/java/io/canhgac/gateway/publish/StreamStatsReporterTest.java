package io.canhgac.gateway.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.StreamReport;
import io.canhgac.gateway.centre.CentreClient;
import io.canhgac.gateway.video.StreamMeter;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The stream figures' reporter against a small event-service stand-in on loopback. */
class StreamStatsReporterTest {

    record Request(String method, String path, String authorization, String contentType, String body) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static StreamReport report(String camera, double fps) {
        return new StreamReport(camera, Instant.parse("2026-11-22T03:00:05Z"), CameraStatus.ONLINE, fps, 412_000,
                Instant.parse("2026-11-22T03:00:04.900Z"), 1234, 567_890, "h264", 640, 360, 2, 7);
    }

    @Test
    void putsAllCamerasInOneBatchWithTheGatewayToken() throws Exception {
        try (StreamStatsReporter reporter = new StreamStatsReporter(new CentreClient(base(), "gw-token", Duration.ofSeconds(2)), Duration.ofSeconds(2),
                () -> List.of(report("QL-01", 10.0), report("QL-02", 0)))) {
            assertThat(reporter.report()).isTrue();
        }
        assertThat(requests).hasSize(1);
        Request r = requests.get(0);
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.path()).isEqualTo("/api/ingest/stream-stats");
        assertThat(r.authorization()).isEqualTo("Bearer gw-token");
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body).hasSize(2);
        JsonNode first = body.get(0);
        assertThat(first.get("cameraId").asText()).isEqualTo("QL-01");
        assertThat(first.get("framesPerSecond").asDouble()).isEqualTo(10.0);
        assertThat(first.get("bitsPerSecond").asLong()).isEqualTo(412_000);
        assertThat(first.get("lastFrameAt").asText()).isEqualTo("2026-11-22T03:00:04.900Z");
        assertThat(first.get("measuredAt").asText()).isEqualTo("2026-11-22T03:00:05Z");
        assertThat(first.get("streamStatus").asText()).isEqualTo("ONLINE");
        assertThat(first.get("codec").asText()).isEqualTo("h264");
        assertThat(first.get("width").asInt()).isEqualTo(640);
        assertThat(first.get("reconnects").asInt()).isEqualTo(2);
        assertThat(first.get("lateFrames").asLong()).isEqualTo(7);
        assertThat(body.get(1).get("cameraId").asText()).isEqualTo("QL-02");
        // the event-service reads it back as the same record
        StreamReport[] read = GatewayJson.mapper().readValue(r.body(), StreamReport[].class);
        assertThat(read[0]).isEqualTo(report("QL-01", 10.0));
    }

    @Test
    void aRefusedOrUnreachableServiceIsToldAndTheNextPeriodTriesAgain() throws Exception {
        answer.set(401);
        try (StreamStatsReporter reporter = new StreamStatsReporter(new CentreClient(base(), "wrong", Duration.ofSeconds(2)), Duration.ofMillis(300),
                () -> List.of(report("QL-01", 10.0))).start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> requests.size() >= 2);
            assertThat(reporter.report()).as("refused").isFalse();
            answer.set(204);
            int before = requests.size();
            await().atMost(Duration.ofSeconds(5)).until(() -> requests.size() > before + 1);
            assertThat(reporter.report()).as("taken again").isTrue();
        }
        server.stop(0);
        try (StreamStatsReporter reporter = new StreamStatsReporter(new CentreClient(base(), "gw-token", Duration.ofSeconds(2)), Duration.ofSeconds(1),
                () -> List.of(report("QL-01", 10.0)))) {
            assertThat(reporter.report()).as("nobody listening").isFalse();
        }
    }

    @Test
    void nothingIsSentWithoutCamerasAndAFailingSupplierDoesNotStopTheTimer() {
        AtomicInteger calls = new AtomicInteger();
        try (StreamStatsReporter reporter = new StreamStatsReporter(new CentreClient(base(), "gw-token", Duration.ofSeconds(2)), Duration.ofMillis(200), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("a camera went away mid-read");
            }
            return List.of();
        }).start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 3);
            assertThat(reporter.report()).isTrue();
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void theMeterKeepsTheStreamsCodecAndSizeAcrossAReconnect() {
        StreamMeter meter = new StreamMeter(Duration.ofSeconds(5));
        assertThat(meter.parameters()).isNull();
        meter.opened(new StreamParameters(27, "h264", 640, 360, new byte[0], 1, 90_000));
        Instant start = Instant.now();
        for (int i = 0; i < 3; i++) {
            meter.packet(new VideoPacket(new byte[1000], i * 9000L, i * 9000L, i == 0, start.plusMillis(100L * i)));
        }
        assertThat(meter.stats().frames()).isEqualTo(3);
        assertThat(meter.stats().framesPerSecond()).isGreaterThan(0);
        meter.closed();
        assertThat(meter.parameters().width()).isEqualTo(640);
        assertThat(meter.parameters().codecName()).isEqualTo("h264");
        assertThat(meter.stats().bytes()).isEqualTo(3000);
        assertThat(meter.stats().framesPerSecond()).as("no rate while closed").isCloseTo(0, within(0.0));
    }
}
