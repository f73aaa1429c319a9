package io.canhgac.event.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.config.DistrictInventory;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IngestApiTest extends CentreApiTest {

    @Autowired
    DistrictInventory inventory;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void clean() {
        operator = signIn("operator");
        EventFixtures.clearEvents(jdbc); // incidents and media first: they refer to alerts and events
        jdbc.update("UPDATE camera SET status = 'UNKNOWN', status_reason = NULL, status_since = NULL");
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/api/ingest/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private WebSession operator;

    /** Reads the API as the operations centre does: signed in as an operator, who sees every commune. */
    private JsonNode get(String path) throws Exception {
        return get(operator, path);
    }

    private JsonNode get(WebSession session, String path) throws Exception {
        HttpResponse<String> r = session.get(path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static String motion(UUID id, String camera, String type, String at, double score) {
        return """
                {"id":"%s","cameraId":"%s","type":"%s","occurredAt":"%s","score":%s}""".formatted(id, camera, type, at, score);
    }

    private int storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM camera_event", Integer.class);
    }

    @Test
    void sameEventPostedTwiceIsStoredOnceAndAnsweredPerEvent() throws Exception {
        UUID id = UUID.randomUUID();
        String batch = "[" + motion(id, "QL-01", "MOTION_START", "2026-11-22T01:00:00Z", 0.02) + "]";

        HttpResponse<String> first = post(batch, "test-token");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get(0).get("result").asText()).isEqualTo("STORED");

        HttpResponse<String> second = post(batch, "test-token");
        assertThat(json.readTree(second.body()).get(0).get("result").asText()).isEqualTo("DUPLICATE");
        assertThat(json.readTree(second.body()).get(0).get("id").asText()).isEqualTo(id.toString());
        assertThat(storedEvents()).isEqualTo(1);
    }

    private HttpResponse<String> postGzipped(byte[] body) throws Exception {
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(packed)) {
            gzip.write(body);
        }
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/events"))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .header("Authorization", "Bearer test-token")
                .POST(HttpRequest.BodyPublishers.ofByteArray(packed.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGzippedBatchIsUnpackedAndOneThatUnpacksPastTheLimitIsRefused() throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<String> stored = postGzipped(("[" + motion(id, "QL-01", "MOTION_START", "2026-11-22T01:00:00Z", 0.02) + "]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(json.readTree(stored.body()).get(0).get("result").asText()).isEqualTo("STORED");

        // 70 MB of spaces before the array: a few tens of kilobytes packed, past the 64 MB the centre unpacks
        byte[] bomb = new byte[70 << 20];
        java.util.Arrays.fill(bomb, (byte) ' ');
        HttpResponse<String> refused = postGzipped(bomb);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(1);
    }

    @Test
    void malformedBatchIsRefusedWhole() throws Exception {
        String good = motion(UUID.randomUUID(), "QL-01", "MOTION_START", "2026-11-22T01:00:00Z", 0.02);
        String unknownCamera = motion(UUID.randomUUID(), "NOPE-9", "MOTION_START", "2026-11-22T01:00:01Z", 0.02);
        HttpResponse<String> r = post("[" + good + "," + unknownCamera + "]", "test-token");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("[1].cameraId").contains("NOPE-9").contains("nothing stored");
        assertThat(storedEvents()).isZero();

        String badTime = good.replace("2026-11-22T01:00:00Z", "yesterday");
        HttpResponse<String> r2 = post("[" + badTime + "]", "test-token");
        assertThat(r2.statusCode()).isEqualTo(400);
        assertThat(r2.body()).contains("[0].occurredAt");

        HttpResponse<String> r3 = post("[{\"id\":\"" + UUID.randomUUID() + "\",\"cameraId\":\"QL-01\"}]", "test-token");
        assertThat(r3.statusCode()).isEqualTo(400);
        assertThat(r3.body()).contains("type");
        String cameraMotionWithStatus = """
                {"id":"%s","cameraId":"QL-01","type":"CAMERA_MOTION_START","occurredAt":"2026-11-22T01:00:00Z","status":"ONLINE"}"""
                .formatted(UUID.randomUUID());
        assertThat(post("[" + cameraMotionWithStatus + "]", "test-token").body()).contains("[0].status");
        assertThat(storedEvents()).isZero();
    }

    @Test
    void aBatchWithNineGoodEventsAndOneBadStoresNone() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(motion(UUID.randomUUID(), "QL-0" + (1 + i % 5), "MOTION_START", "2026-11-22T01:00:0" + i + "Z", 0.02));
        }
        List<String> missingTime = new ArrayList<>(events);
        missingTime.set(3, missingTime.get(3).replace(",\"occurredAt\":\"2026-11-22T01:00:03Z\"", ""));
        HttpResponse<String> r = post("[" + String.join(",", missingTime) + "]", "test-token");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("detail").asText()).isEqualTo("nothing stored: events[3].occurredAt: required");

        List<String> unknownCamera = new ArrayList<>(events);
        unknownCamera.set(9, unknownCamera.get(9).replace("QL-05", "QL-99"));
        HttpResponse<String> r2 = post("[" + String.join(",", unknownCamera) + "]", "test-token");
        assertThat(r2.statusCode()).isEqualTo(400);
        assertThat(r2.body()).contains("events[9].cameraId: unknown camera 'QL-99'");

        List<String> badScore = new ArrayList<>(events);
        badScore.set(5, badScore.get(5).replace("\"score\":0.02", "\"score\":7"));
        assertThat(post("[" + String.join(",", badScore) + "]", "test-token").body()).contains("events[5].score");
        assertThat(storedEvents()).isZero();

        // the same nine good ones and the tenth fixed: all stored, each answered in order
        JsonNode answer = json.readTree(post("[" + String.join(",", events) + "]", "test-token").body());
        assertThat(answer).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(answer.get(i).get("id").asText()).isEqualTo(json.readTree(events.get(i)).get("id").asText());
            assertThat(answer.get(i).get("result").asText()).isEqualTo("STORED");
        }
        assertThat(storedEvents()).isEqualTo(10);
    }

    @Test
    void aBatchMixingNewAndRedeliveredEventsIsAnsweredPerEvent() throws Exception {
        UUID old1 = UUID.randomUUID();
        UUID old2 = UUID.randomUUID();
        UUID new1 = UUID.randomUUID();
        UUID new2 = UUID.randomUUID();
        post("[" + motion(old1, "QL-01", "MOTION_START", "2026-11-22T01:00:00Z", 0.02) + ","
                + motion(old2, "QL-01", "MOTION_END", "2026-11-22T01:00:05Z", 0.01) + "]", "test-token");
        String batch = "[" + motion(new1, "SV-01", "MOTION_START", "2026-11-22T01:01:00Z", 0.02) + ","
                + motion(old2, "QL-01", "MOTION_END", "2026-11-22T01:00:05Z", 0.01) + ","
                + motion(new2, "SV-01", "MOTION_END", "2026-11-22T01:01:09Z", 0.03) + ","
                + motion(new1, "SV-01", "MOTION_START", "2026-11-22T01:01:00Z", 0.02) + ","
                + motion(old1, "QL-01", "MOTION_START", "2026-11-22T01:00:00Z", 0.02) + "]";
        JsonNode answer = json.readTree(post(batch, "test-token").body());
        List<String> results = new ArrayList<>();
        answer.forEach(a -> results.add(a.get("id").asText().substring(0, 8) + " " + a.get("result").asText()));
        assertThat(results).containsExactly(new1.toString().substring(0, 8) + " STORED", old2.toString().substring(0, 8) + " DUPLICATE",
                new2.toString().substring(0, 8) + " STORED", new1.toString().substring(0, 8) + " DUPLICATE",
                old1.toString().substring(0, 8) + " DUPLICATE");
        assertThat(storedEvents()).isEqualTo(4);
        // each event records the gateway that delivered it: here the built-in one, "district"
        assertThat(jdbc.queryForList("SELECT DISTINCT g.name FROM camera_event e JOIN gateway g ON g.id = e.gateway_id", String.class))
                .containsExactly("district");
    }

    /** At-least-once: a gateway that timed out re-sends while the first delivery is still being stored. */
    @Test
    void concurrentRedeliveriesStoreEachEventOnceAndAnswerItStoredOnce() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(motion(UUID.randomUUID(), "QL-0" + (1 + i % 5), "MOTION_START", "2026-11-22T02:00:00Z", 0.02));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int copy = 0; copy < 4; copy++) {
                List<String> shuffled = new ArrayList<>(events);
                Collections.shuffle(shuffled, new Random(copy)); // another order each time: no deadlock either way
                String body = "[" + String.join(",", shuffled) + "]";
                answers.add(pool.submit(() -> post(body, "test-token")));
            }
            Map<String, Integer> storedCount = new HashMap<>();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                for (JsonNode a : json.readTree(r.body())) {
                    if (a.get("result").asText().equals("STORED")) {
                        storedCount.merge(a.get("id").asText(), 1, Integer::sum);
                    }
                }
            }
            assertThat(storedCount).hasSize(300);
            assertThat(storedCount.values()).allMatch(n -> n == 1);
            assertThat(storedEvents()).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cameraSourcedEventsAreStoredAsSuch() throws Exception {
        String tamper = """
                {"id":"%s","cameraId":"QL-01","type":"CAMERA_TAMPER_START","occurredAt":"2026-11-22T01:00:00Z","detail":"lens covered"}"""
                .formatted(UUID.randomUUID());
        assertThat(post("[" + tamper + "]", "test-token").statusCode()).isEqualTo(200);
        assertThat(get("/api/events?camera=QL-01").get(0).get("type").asText()).isEqualTo("CAMERA_TAMPER_START");
    }

    @Test
    void ingestNeedsTheGatewayToken() throws Exception {
        String batch = "[" + motion(UUID.randomUUID(), "QL-01", "MOTION_START", "2026-11-22T01:00:00Z", 0.02) + "]";
        assertThat(post(batch, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post(batch, "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(wrong.body()).contains("gateway token");
        // a person's session is not a gateway's credential, even with the CSRF header
        assertThat(operator.send("POST", "/api/ingest/events", batch).statusCode()).isEqualTo(401);
        assertThat(storedEvents()).isZero();
    }

    @Test
    void eventsAreListedNewestFirstAndFilteredByCameraAndTime() throws Exception {
        post("[" + motion(UUID.randomUUID(), "QL-01", "MOTION_START", "2026-11-22T01:00:00Z", 0.02) + ","
                + motion(UUID.randomUUID(), "SV-01", "MOTION_START", "2026-11-22T01:05:00Z", 0.03) + ","
                + motion(UUID.randomUUID(), "QL-01", "MOTION_END", "2026-11-22T01:10:00Z", 0.04) + "]", "test-token");

        JsonNode all = get("/api/events");
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("occurredAt").asText()).isEqualTo("2026-11-22T01:10:00Z");
        assertThat(all.get(0).get("commune").asText()).isEqualTo("Quế Lộc");
        assertThat(all.get(2).get("occurredAt").asText()).isEqualTo("2026-11-22T01:00:00Z");

        JsonNode ql = get("/api/events?camera=QL-01");
        assertThat(ql).hasSize(2);
        JsonNode qlEnds = get("/api/events?camera=QL-01&type=MOTION_END");
        assertThat(qlEnds).hasSize(1);
        assertThat(qlEnds.get(0).get("occurredAt").asText()).isEqualTo("2026-11-22T01:10:00Z");
        assertThat(get("/api/events?type=MOTION_START")).hasSize(2);
        assertThat(operator.get("/api/events?type=NOT_A_TYPE").statusCode()).isEqualTo(400);
        assertThat(operator.get("/api/events?limit=0").statusCode()).isEqualTo(400);
        JsonNode window = get("/api/events?from=2026-11-22T01:04:00Z&to=2026-11-22T01:10:00Z");
        assertThat(window).hasSize(1);
        assertThat(window.get(0).get("cameraId").asText()).isEqualTo("SV-01");
    }

    @Test
    void statusEventsUpdateTheCameraAndAnOlderOneDoesNotOverwriteANewer() throws Exception {
        String offline = """
                {"id":"%s","cameraId":"PN-01","type":"CAMERA_OFFLINE","occurredAt":"2026-11-22T02:00:00Z","status":"OFFLINE","detail":"connection refused"}"""
                .formatted(UUID.randomUUID());
        String olderOnline = """
                {"id":"%s","cameraId":"PN-01","type":"CAMERA_ONLINE","occurredAt":"2026-11-22T01:59:00Z","status":"ONLINE"}"""
                .formatted(UUID.randomUUID());
        assertThat(post("[" + offline + "]", "test-token").statusCode()).isEqualTo(200);
        assertThat(post("[" + olderOnline + "]", "test-token").statusCode()).isEqualTo(200);

        JsonNode cameras = get("/api/cameras");
        JsonNode pn = null;
        for (JsonNode c : cameras) {
            if (c.get("id").asText().equals("PN-01")) {
                pn = c;
            }
        }
        assertThat(pn).isNotNull();
        assertThat(pn.get("status").asText()).isEqualTo("OFFLINE");
        assertThat(pn.get("statusReason").asText()).isEqualTo("connection refused");
        assertThat(pn.get("commune").asText()).isEqualTo("Phước Ninh");
    }

    @Test
    void newEventsArePushedToBrowsersOverSseAndDuplicatesAreNot() throws Exception {
        try (SseTestClient sse = operator.sse("/api/alerts/stream")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !sse.received("hello").isEmpty());
            UUID id = UUID.randomUUID();
            String batch = "[" + motion(id, "NP-01", "MOTION_START", "2026-11-22T03:00:00Z", 0.05) + "]";
            post(batch, "test-token");
            post(batch, "test-token");
            await().atMost(Duration.ofSeconds(5)).until(() -> !sse.received("camera-event").isEmpty());
            Thread.sleep(300);
            assertThat(sse.received("camera-event")).hasSize(1);
            JsonNode pushed = json.readTree(sse.received("camera-event").get(0).data());
            assertThat(pushed.get("id").asText()).isEqualTo(id.toString());
            assertThat(pushed.get("commune").asText()).isEqualTo("Ninh Phước");
            String expectedName = inventory.cameras().stream().filter(c -> c.id().equals("NP-01")).findFirst().orElseThrow().name();
            assertThat(pushed.get("cameraName").asText()).isEqualTo(expectedName);
        }
    }

    @Test
    void healthIsUpWithTheDatabaseAndOnlyAdminsSeeTheComponents() throws Exception {
        WebSession admin = signIn("admin");
        JsonNode health = get(admin, "/actuator/health");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");

        JsonNode forAnyone = get(WebSession.anonymous(base), "/actuator/health");
        assertThat(forAnyone.get("status").asText()).isEqualTo("UP");
        assertThat(forAnyone.has("components")).isFalse();
    }
}
