package io.canhgac.event.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.EventType;
import io.canhgac.event.alert.AlertKind;
import io.canhgac.event.alert.AlertsRaised;
import io.canhgac.event.alert.GatewayAlerts;
import io.canhgac.event.alert.RaisedAlert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Raised alerts leave through MQTT (a broker on loopback, on Netty's MQTT codec) and the signed
 * webhook (the JDK's HTTP server on loopback, checking signatures itself), after commit only, and
 * survive a broker or receiver that is away for a while.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=test-token",
        "canhgac.accounts.demo=true",
        "canhgac.mqtt.topic-prefix=nong-son/alerts",
        "canhgac.mqtt.client-id=event-service-test",
        "canhgac.mqtt.retry-min=100ms",
        "canhgac.mqtt.retry-max=400ms",
        "canhgac.mqtt.timeout=5s",
        "canhgac.webhook.secret=" + AlertPublishingTest.SECRET,
        "canhgac.webhook.retry-min=100ms",
        "canhgac.webhook.retry-max=400ms",
        "canhgac.webhook.timeout=5s"})
class AlertPublishingTest {

    static final String SECRET = "whsec-test-0123456789abcdefghijklmnop";

    static final TestMqttBroker broker = new TestMqttBroker().start();
    static final TestWebhookReceiver webhook = TestWebhookReceiver.start(SECRET);

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("canhgac.mqtt.url", broker::url);
        registry.add("canhgac.webhook.url", webhook::url);
    }

    @AfterAll
    static void stopEndpoints() {
        broker.close();
        webhook.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    GatewayAlerts gatewayAlerts;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM alert_note");
        jdbc.update("DELETE FROM alert");
        jdbc.update("DELETE FROM camera_event");
    }

    @Test
    void aRaisedAlertIsPublishedAsJsonWithQos1OnItsCommuneAndCameraTopic() throws Exception {
        UUID end = UUID.randomUUID();
        UUID start = UUID.randomUUID();
        assertThat(ingest(event(end, "QL-02", "MOTION_END"), event(start, "QL-02", "MOTION_START")).statusCode()).isEqualTo(200);

        TestMqttBroker.Published message = await().atMost(Duration.ofSeconds(10)).until(() -> mqttFor(start), m -> m != null);
        assertThat(message.topic()).isEqualTo("nong-son/alerts/que-loc/QL-02/alert");
        assertThat(message.qos().value()).isEqualTo(1);
        assertThat(message.clientId()).isEqualTo("event-service-test");
        JsonNode alert = json.readTree(message.payload());
        UUID stored = jdbc.queryForObject("SELECT id FROM alert WHERE event_id = ?", UUID.class, start);
        assertThat(alert.get("id").asText()).isEqualTo(stored.toString());
        assertThat(alert.get("kind").asText()).isEqualTo("MOTION_START");
        assertThat(alert.get("cameraId").asText()).isEqualTo("QL-02");
        assertThat(alert.get("cameraName").asText()).isEqualTo("Trường THCS");
        assertThat(alert.get("communeId").asText()).isEqualTo("que-loc");
        assertThat(alert.get("commune").asText()).isEqualTo("Quế Lộc");
        assertThat(alert.get("raisedAt").asText()).isEqualTo("2026-11-22T01:00:00Z");
        // the motion end before it raised no alert, so nothing was published for it
        assertThat(mqttFor(end)).isNull();
    }

    @Test
    void alertsRaisedWhileTheBrokerIsDownArriveOnceItIsBackAndIngestDoesNotWait() throws Exception {
        broker.stop();
        List<UUID> events = new ArrayList<>();
        try {
            for (String camera : List.of("SV-01", "SV-02", "PN-01")) {
                UUID id = UUID.randomUUID();
                events.add(id);
                long began = System.nanoTime();
                assertThat(ingest(event(id, camera, "MOTION_START")).statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - began)).as("ingest with the broker down").isLessThan(Duration.ofSeconds(2));
            }
            Thread.sleep(1000); // several refused reconnects, with backoff
            assertThat(events).allMatch(id -> mqttFor(id) == null);
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> events.stream().allMatch(id -> mqttFor(id) != null));
        // in the order they were raised
        List<String> order = broker.received().stream().map(p -> eventIdOf(p.payload()))
                .filter(id -> events.contains(UUID.fromString(id))).distinct().toList();
        assertThat(order).containsExactly(events.stream().map(UUID::toString).toArray(String[]::new));
    }

    @Test
    void aBrokerThatHangsDoesNotHoldUpIngest() throws Exception {
        broker.stop(); // drops the relay's connection
        broker.mute(true);
        broker.start();
        int unansweredBefore = broker.unanswered();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try {
            assertThat(ingest(event(first, "QL-05", "CAMERA_TAMPER_START")).statusCode()).isEqualTo(200);
            // the relay is now waiting (up to its 5 s timeout) on a CONNECT the broker will never answer
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.unanswered() > unansweredBefore);
            long began = System.nanoTime();
            assertThat(ingest(event(second, "QL-06", "CAMERA_TAMPER_START")).statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("ingest while the broker hangs").isLessThan(Duration.ofSeconds(2));
            assertThat(mqttFor(first)).isNull();
        } finally {
            broker.mute(false);
        }
        // after the connect timeout the relay tries again and gets through, in order
        await().atMost(Duration.ofSeconds(20)).until(() -> mqttFor(first) != null && mqttFor(second) != null);
        assertThat(broker.received().indexOf(mqttFor(first))).isLessThan(broker.received().indexOf(mqttFor(second)));
    }

    @Test
    void anAlertWhoseTransactionRollsBackIsNeverSent() throws Exception {
        RaisedAlert phantom = new RaisedAlert(UUID.randomUUID(), UUID.randomUUID(), EventType.MOTION_START, "QL-01", "Sân vận động xã",
                "que-loc", "Quế Lộc", Instant.parse("2026-11-22T01:00:00Z"));
        transactions.executeWithoutResult(tx -> {
            publisher.publishEvent(new AlertsRaised(List.of(phantom)));
            tx.setRollbackOnly();
        });
        UUID real = UUID.randomUUID();
        assertThat(ingest(event(real, "QL-01", "CAMERA_TAMPER_START")).statusCode()).isEqualTo(200);

        // each channel delivers in order: once the later, committed alert is through, the phantom would have been too
        await().atMost(Duration.ofSeconds(10)).until(() -> mqttFor(real) != null && delivered(real) != null);
        assertThat(broker.received()).noneMatch(p -> p.payload().contains(phantom.id().toString()));
        assertThat(webhook.attempts()).noneMatch(a -> a.body().contains(phantom.id().toString()));
    }

    @Test
    void theWebhookIsSignedAndRetriedWithBackoffUntilTheReceiverRecovers() throws Exception {
        UUID event = UUID.randomUUID();
        webhook.failNext(event.toString(), 3);
        assertThat(ingest(event(event, "NP-01", "MOTION_START")).statusCode()).isEqualTo(200);

        TestWebhookReceiver.Attempt accepted = await().atMost(Duration.ofSeconds(15)).until(() -> delivered(event), a -> a != null);
        UUID alertId = jdbc.queryForObject("SELECT id FROM alert WHERE event_id = ?", UUID.class, event);
        List<TestWebhookReceiver.Attempt> tries = webhook.attempts().stream().filter(a -> a.body().contains(event.toString())).toList();
        assertThat(tries).extracting(TestWebhookReceiver.Attempt::answered).containsExactly(503, 503, 503, 204);
        assertThat(tries).allMatch(TestWebhookReceiver.Attempt::signatureValid).allMatch(TestWebhookReceiver.Attempt::fresh);
        assertThat(tries).allMatch(a -> a.delivery().equals(alertId.toString()) && a.event().equals("alert.raised"));
        // 100 ms, 200 ms, then 400 ms (the cap) between attempts
        assertThat(Duration.between(tries.get(0).at(), tries.get(3).at())).isGreaterThanOrEqualTo(Duration.ofMillis(650));
        JsonNode body = json.readTree(accepted.body());
        assertThat(body.get("id").asText()).isEqualTo(alertId.toString());
        assertThat(body.get("cameraId").asText()).isEqualTo("NP-01");
        assertThat(body.get("kind").asText()).isEqualTo("MOTION_START");
    }

    @Test
    void aWebhookRefusalIsNotRetriedAndTheNextAlertStillGoes() throws Exception {
        UUID refused = UUID.randomUUID();
        webhook.refuseNext(refused.toString(), 1);
        UUID next = UUID.randomUUID();
        assertThat(ingest(event(refused, "QL-03", "MOTION_START")).statusCode()).isEqualTo(200);
        assertThat(ingest(event(next, "QL-04", "MOTION_START")).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(next) != null);
        assertThat(webhook.attempts().stream().filter(a -> a.body().contains(refused.toString())))
                .extracting(TestWebhookReceiver.Attempt::answered).containsExactly(400);
    }

    @Test
    void aGatewaysAlertHasNoCameraAndGoesOutOnItsGatewaysTopicAndToTheWebhook() throws Exception {
        UUID gateway = UUID.randomUUID();
        jdbc.update("INSERT INTO gateway (id, name, token_sha256) VALUES (?, 'que-trung', repeat('a', 64))", gateway);
        jdbc.update("INSERT INTO commune (id, name) VALUES ('que-trung', 'Quế Trung') ON CONFLICT DO NOTHING");
        jdbc.update("INSERT INTO gateway_commune (commune_id, gateway_id) VALUES ('que-trung', ?)", gateway);
        try {
            assertThat(gatewayAlerts.raise(gateway, AlertKind.GATEWAY_SILENT, Instant.now(), null)).isTrue();
            UUID alertId = jdbc.queryForObject("SELECT id FROM alert WHERE gateway_id = ?", UUID.class, gateway);

            TestMqttBroker.Published message = await().atMost(Duration.ofSeconds(10)).until(() -> broker.received().stream()
                    .filter(p -> p.payload().contains(alertId.toString())).findFirst().orElse(null), m -> m != null);
            assertThat(message.topic()).isEqualTo("nong-son/alerts/gateways/que-trung/alert");
            JsonNode alert = json.readTree(message.payload());
            assertThat(alert.get("kind").asText()).isEqualTo("GATEWAY_SILENT");
            assertThat(alert.get("gateway").asText()).isEqualTo("que-trung");
            assertThat(alert.get("gatewayCommunes").toString()).isEqualTo("[\"que-trung\"]");
            assertThat(alert.get("cameraId").isNull()).isTrue();
            TestWebhookReceiver.Attempt posted = await().atMost(Duration.ofSeconds(10)).until(() -> webhook.attempts().stream()
                    .filter(a -> a.answered() == 204 && a.body().contains(alertId.toString())).findFirst().orElse(null), a -> a != null);
            assertThat(posted.signatureValid()).isTrue();
            // a camera alert's JSON stays as it was: no gateway fields
            UUID start = UUID.randomUUID();
            assertThat(ingest(event(start, "QL-02", "MOTION_START")).statusCode()).isEqualTo(200);
            TestMqttBroker.Published camera = await().atMost(Duration.ofSeconds(10)).until(() -> mqttFor(start), m -> m != null);
            assertThat(json.readTree(camera.payload()).has("gateway")).isFalse();
        } finally {
            jdbc.update("DELETE FROM alert WHERE gateway_id = ?", gateway);
            jdbc.update("DELETE FROM gateway WHERE id = ?", gateway);
        }
    }

    private TestMqttBroker.Published mqttFor(UUID eventId) {
        return broker.received().stream().filter(p -> eventIdOf(p.payload()).equals(eventId.toString())).findFirst().orElse(null);
    }

    private TestWebhookReceiver.Attempt delivered(UUID eventId) {
        return webhook.attempts().stream().filter(a -> a.answered() == 204 && eventIdOf(a.body()).equals(eventId.toString()))
                .findFirst().orElse(null);
    }

    private String eventIdOf(String payload) {
        try {
            return json.readTree(payload).path("eventId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String event(UUID id, String camera, String type) {
        return """
                {"id":"%s","cameraId":"%s","type":"%s","occurredAt":"2026-11-22T01:00:00Z"%s}""".formatted(id, camera, type,
                type.startsWith("MOTION") ? ",\"score\":0.2" : "");
    }

    private HttpResponse<String> ingest(String... events) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/events"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer test-token")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
