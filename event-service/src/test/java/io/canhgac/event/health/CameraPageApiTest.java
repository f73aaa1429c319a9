package io.canhgac.event.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.DistrictInventory;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The camera page's API: gateways report stream figures with their token, people read them (stale
 * once the reports stop), and a camera's status changes over the last days with its uptime.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=test-token",
        "canhgac.accounts.demo=true",
        // stale after 3 x 400 ms, so the test sees figures go stale quickly
        "canhgac.stream-stats.period=400ms"})
class CameraPageApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DistrictInventory inventory;

    private final HttpClient http = HttpClient.newHttpClient();
    private WebSession technician;
    private String camera;
    private String otherCamera;

    @BeforeEach
    @AfterEach
    void clean() {
        technician = WebSession.login(base(), "technician", "technician-demo");
        camera = inventory.cameras().get(0).id();
        otherCamera = inventory.cameras().get(1).id();
        EventFixtures.clearEvents(jdbc);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> putStats(String body, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base() + "/api/ingest/stream-stats"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String report(String camera, Instant measuredAt, Instant lastFrameAt, double fps) {
        return """
                {"cameraId":"%s","measuredAt":"%s","streamStatus":"ONLINE","framesPerSecond":%s,"bitsPerSecond":480000,
                 "lastFrameAt":"%s","frames":5000,"bytes":3000000,"codec":"h264","width":640,"height":360,"reconnects":1,"lateFrames":3}"""
                .formatted(camera, measuredAt, fps, lastFrameAt);
    }

    private JsonNode read(WebSession session, String path) throws Exception {
        HttpResponse<String> r = session.get(path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void aGatewayReportsFiguresWithItsTokenAndTheyGoStaleWhenItStops() throws Exception {
        // the board lives as long as the application: each stats test has its own cameras
        String camera = inventory.cameras().get(3).id();
        String otherCamera = inventory.cameras().get(4).id();
        Instant now = Instant.now();
        String batch = "[" + report(camera, now, now.minusMillis(100), 10.0) + "," + report("NO-SUCH-CAMERA", now, now, 5) + "]";

        assertThat(putStats(batch, null).statusCode()).as("no token").isEqualTo(401);
        assertThat(putStats(batch, "not-the-token").statusCode()).as("wrong token").isEqualTo(401);
        assertThat(technician.send("PUT", "/api/ingest/stream-stats", batch).statusCode()).as("a person's session")
                .isEqualTo(401);
        assertThat(read(technician, "/api/cameras/" + camera + "/stream-stats").get("reported").asBoolean())
                .as("nothing kept from the refused reports").isFalse();

        HttpResponse<String> taken = putStats(batch, "test-token");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        JsonNode answer = json.readTree(taken.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("unknownCameras")).extracting(JsonNode::asText).containsExactly("NO-SUCH-CAMERA");

        JsonNode stats = read(technician, "/api/cameras/" + camera + "/stream-stats");
        assertThat(stats.get("reported").asBoolean()).isTrue();
        assertThat(stats.get("stale").asBoolean()).isFalse();
        assertThat(stats.get("framesPerSecond").asDouble()).isEqualTo(10.0);
        assertThat(stats.get("bitsPerSecond").asLong()).isEqualTo(480_000);
        assertThat(stats.get("codec").asText()).isEqualTo("h264");
        assertThat(stats.get("width").asInt()).isEqualTo(640);
        assertThat(stats.get("height").asInt()).isEqualTo(360);
        assertThat(stats.get("reconnects").asInt()).isEqualTo(1);
        assertThat(stats.get("lateFrames").asLong()).isEqualTo(3);
        assertThat(stats.get("streamStatus").asText()).isEqualTo("ONLINE");
        assertThat(stats.get("gateway").asText()).isEqualTo("district");
        assertThat(stats.get("staleAfterMillis").asLong()).isEqualTo(1200);
        assertThat(stats.get("lastFrameAgeMillis").asLong()).isBetween(100L, 1100L);
        // operators may look too
        assertThat(read(WebSession.login(base(), "operator", "operator-demo"), "/api/cameras/" + camera + "/stream-stats")
                .get("framesPerSecond").asDouble()).isEqualTo(10.0);

        // no report for three periods: stale, the figures still shown
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                read(technician, "/api/cameras/" + camera + "/stream-stats").get("stale").asBoolean());
        JsonNode stale = read(technician, "/api/cameras/" + camera + "/stream-stats");
        assertThat(stale.get("ageMillis").asLong()).isGreaterThan(1200);
        assertThat(stale.get("framesPerSecond").asDouble()).isEqualTo(10.0);

        // the next report makes them fresh again
        assertThat(putStats("[" + report(camera, Instant.now(), Instant.now(), 12.5) + "]", "test-token").statusCode()).isEqualTo(200);
        JsonNode fresh = read(technician, "/api/cameras/" + camera + "/stream-stats");
        assertThat(fresh.get("stale").asBoolean()).isFalse();
        assertThat(fresh.get("framesPerSecond").asDouble()).isEqualTo(12.5);
        assertThat(read(technician, "/api/cameras/" + otherCamera + "/stream-stats").get("reported").asBoolean()).isFalse();
    }

    @Test
    void theLastPicturesAgeDoesNotTrustTheGatewaysClock() throws Exception {
        String camera = inventory.cameras().get(5).id();
        // the gateway's clock is an hour behind: its picture is 2 s older than its measurement, not an hour
        Instant gatewayNow = Instant.now().minus(Duration.ofHours(1));
        assertThat(putStats("[" + report(camera, gatewayNow, gatewayNow.minusSeconds(2), 0) + "]", "test-token").statusCode())
                .isEqualTo(200);
        JsonNode stats = read(technician, "/api/cameras/" + camera + "/stream-stats");
        assertThat(stats.get("lastFrameAgeMillis").asLong()).isBetween(2000L, 3000L);
        assertThat(stats.get("stale").asBoolean()).isFalse();
    }

    @Test
    void malformedOrOversizedReportsAreRefused() throws Exception {
        assertThat(putStats("[{\"measuredAt\":\"2026-11-22T01:00:00Z\"}]", "test-token").statusCode()).as("no camera id")
                .isEqualTo(400);
        assertThat(putStats("{\"cameraId\":\"x\"}", "test-token").statusCode()).as("not a list").isEqualTo(400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            many.add(report("C" + i, Instant.now(), Instant.now(), 1));
        }
        assertThat(putStats("[" + String.join(",", many) + "]", "test-token").statusCode()).as("over maxBatch").isEqualTo(400);
    }

    @Test
    void theHealthTimelineAndUptimeComeFromTheStoredEvents() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant offline = now.minus(Duration.ofDays(3));
        Instant online = offline.plus(Duration.ofHours(6));
        EventFixtures.ingest(base(), "test-token",
                // before the window: the status it carries in
                EventFixtures.event(UUID.randomUUID(), camera, "CAMERA_ONLINE", now.minus(Duration.ofDays(9)).toString(), ",\"status\":\"ONLINE\""),
                EventFixtures.event(UUID.randomUUID(), camera, "CAMERA_OFFLINE", offline.toString(),
                        ",\"status\":\"OFFLINE\",\"detail\":\"no RTSP answer\""),
                // the ONVIF check saying it again does not cut the bar
                EventFixtures.event(UUID.randomUUID(), camera, "CAMERA_OFFLINE", offline.plusSeconds(30).toString(),
                        ",\"status\":\"OFFLINE\",\"detail\":\"ONVIF timeout\""),
                EventFixtures.event(UUID.randomUUID(), camera, "CAMERA_ONLINE", online.toString(), ",\"status\":\"ONLINE\""),
                EventFixtures.event(UUID.randomUUID(), camera, "CAMERA_TAMPER_START", now.minus(Duration.ofHours(20)).toString(), ""),
                EventFixtures.event(UUID.randomUUID(), camera, "CAMERA_TAMPER_END", now.minus(Duration.ofHours(19)).toString(), ""),
                // neither a health nor a tamper event: not listed
                EventFixtures.event(UUID.randomUUID(), camera, "MOTION_START", now.minus(Duration.ofHours(2)).toString(), ",\"score\":0.2"),
                // another camera's events stay out
                EventFixtures.event(UUID.randomUUID(), otherCamera, "CAMERA_OFFLINE", now.minus(Duration.ofDays(1)).toString(),
                        ",\"status\":\"OFFLINE\""));

        JsonNode week = read(technician, "/api/cameras/" + camera + "/health?days=7");
        assertThat(week.get("days").asInt()).isEqualTo(7);
        assertThat(week.get("statusAtStart").asText()).isEqualTo("ONLINE");
        double expected = 1 - 6.0 / (7 * 24);
        assertThat(week.get("uptime").asDouble()).isCloseTo(expected, within(1e-4));
        assertThat(week.get("downSeconds").asLong()).isEqualTo(6 * 3600);
        assertThat(week.get("unknownSeconds").asLong()).isZero();
        JsonNode entries = week.get("entries");
        assertThat(entries).extracting(e -> e.get("type").asText()).containsExactly(
                "CAMERA_TAMPER_END", "CAMERA_TAMPER_START", "CAMERA_ONLINE", "CAMERA_OFFLINE", "CAMERA_OFFLINE");
        assertThat(entries.get(4).get("reason").asText()).isEqualTo("no RTSP answer");
        assertThat(entries.get(4).get("status").asText()).isEqualTo("OFFLINE");
        assertThat(Instant.parse(entries.get(4).get("at").asText())).isEqualTo(offline);
        assertThat(entries.get(0).get("status").isNull()).as("a tamper report changes no status").isTrue();
        JsonNode segments = week.get("segments");
        assertThat(segments).extracting(s -> s.get("status").asText()).containsExactly("ONLINE", "OFFLINE", "ONLINE");
        assertThat(Instant.parse(segments.get(1).get("from").asText())).isEqualTo(offline);
        assertThat(Instant.parse(segments.get(1).get("to").asText())).isEqualTo(online);
        assertThat(week.get("truncated").asBoolean()).isFalse();

        // one day: the status carried in, only the tamper report in the list, up all the time
        JsonNode day = read(technician, "/api/cameras/" + camera + "/health?days=1");
        assertThat(day.get("statusAtStart").asText()).isEqualTo("ONLINE");
        assertThat(day.get("uptime").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(day.get("entries")).hasSize(2);

        // a camera with no health event at all: unknown, not up
        JsonNode never = read(technician, "/api/cameras/" + inventory.cameras().get(2).id() + "/health");
        assertThat(never.get("days").asInt()).as("a week unless asked").isEqualTo(7);
        assertThat(never.get("statusAtStart").asText()).isEqualTo("UNKNOWN");
        assertThat(never.get("uptime").asDouble()).isZero();
        assertThat(never.get("uptimeOfKnown").isNull()).isTrue();
        assertThat(never.get("entries")).isEmpty();
    }

    @Test
    void unknownCamerasAreNotFoundAndCommuneHeadsUseTheirReport() throws Exception {
        assertThat(technician.get("/api/cameras/NO-SUCH-CAMERA/health").statusCode()).isEqualTo(404);
        assertThat(technician.get("/api/cameras/NO-SUCH-CAMERA/stream-stats").statusCode()).isEqualTo(404);
        assertThat(technician.get("/api/cameras/" + camera + "/health?days=0").statusCode()).isEqualTo(400);
        assertThat(technician.get("/api/cameras/" + camera + "/health?days=32").statusCode()).isEqualTo(400);
        String commune = inventory.cameras().get(0).commune();
        WebSession head = WebSession.login(base(), commune, commune + "-demo");
        assertThat(head.get("/api/cameras/" + camera + "/health").statusCode()).isEqualTo(403);
        assertThat(WebSession.anonymous(base()).get("/api/cameras/" + camera + "/stream-stats").statusCode()).isEqualTo(401);
    }
}
