package io.canhgac.event.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AlertDeskTest extends CentreApiTest {

    private WebSession operator;
    private WebSession queLoc;
    private WebSession sonVien;

    @BeforeEach
    @AfterEach
    void clean() {
        EventFixtures.clearEvents(jdbc); // incidents and media first: they refer to alerts and events
        jdbc.update("DELETE FROM audit_log WHERE action LIKE 'ALERT%'");
    }

    @BeforeEach
    void signIn() {
        operator = signIn("operator");
        queLoc = signIn("que-loc");
        sonVien = signIn("son-vien");
    }

    private void ingest(String... events) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/events"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer test-token")
                .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static String event(UUID id, String camera, String type, String extra) {
        return """
                {"id":"%s","cameraId":"%s","type":"%s","occurredAt":"2026-11-22T01:00:00Z"%s}""".formatted(id, camera, type, extra);
    }

    private JsonNode read(WebSession session, String path) throws Exception {
        HttpResponse<String> r = session.get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private List<JsonNode> pushedAlerts(SseTestClient sse) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (SseTestClient.Received r : sse.received("alert")) {
            out.add(json.readTree(r.data()));
        }
        return out;
    }

    @Test
    void motionOfflineAndTamperRaiseOneAlertEachOnceAndOnlyTheirCommuneSeesThem() throws Exception {
        try (SseTestClient queLocStream = queLoc.sse("/api/alerts/stream");
             SseTestClient sonVienStream = sonVien.sse("/api/alerts/stream")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !queLocStream.received("hello").isEmpty() && !sonVienStream.received("hello").isEmpty());
            String motion = event(UUID.randomUUID(), "QL-01", "MOTION_START", ",\"score\":0.1");
            ingest(motion,
                    event(UUID.randomUUID(), "QL-01", "MOTION_END", ",\"score\":0.1"),
                    event(UUID.randomUUID(), "QL-02", "CAMERA_TAMPER_START", ""),
                    event(UUID.randomUUID(), "SV-01", "CAMERA_OFFLINE", ",\"status\":\"OFFLINE\",\"detail\":\"refused\""));
            ingest(motion); // re-delivered: no second alert

            JsonNode all = read(operator, "/api/alerts");
            assertThat(all).hasSize(3);
            assertThat(all.findValuesAsText("kind")).containsExactlyInAnyOrder("MOTION_START", "CAMERA_TAMPER_START", "CAMERA_OFFLINE");
            assertThat(all.findValuesAsText("state")).containsOnly("OPEN");
            assertThat(read(queLoc, "/api/alerts").findValuesAsText("cameraId")).containsExactlyInAnyOrder("QL-01", "QL-02");
            assertThat(read(sonVien, "/api/alerts").findValuesAsText("cameraId")).containsExactly("SV-01");

            await().atMost(Duration.ofSeconds(5)).until(() -> queLocStream.received("alert").size() >= 2 && sonVienStream.received("alert").size() >= 1);
            Thread.sleep(200);
            assertThat(pushedAlerts(queLocStream)).extracting(a -> a.get("communeId").asText()).containsExactly("que-loc", "que-loc");
            assertThat(pushedAlerts(sonVienStream)).extracting(a -> a.get("cameraId").asText()).containsExactly("SV-01");
        }
    }

    @Test
    void aCameraBackOnlineClearsItsOfflineAlertsAndPushesTheChange() throws Exception {
        try (SseTestClient sonVienStream = sonVien.sse("/api/alerts/stream")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !sonVienStream.received("hello").isEmpty());
            ingest(event(UUID.randomUUID(), "SV-01", "CAMERA_OFFLINE", ",\"status\":\"OFFLINE\",\"detail\":\"refused\""),
                    event(UUID.randomUUID(), "SV-02", "CAMERA_OFFLINE", ",\"status\":\"OFFLINE\",\"detail\":\"refused\""),
                    event(UUID.randomUUID(), "SV-01", "MOTION_START", ",\"score\":0.1"));
            assertThat(read(operator, "/api/alerts?state=OPEN")).hasSize(3);

            String online = """
                    {"id":"%s","cameraId":"SV-01","type":"CAMERA_ONLINE","occurredAt":"2026-11-22T01:05:00Z","status":"ONLINE"}"""
                    .formatted(UUID.randomUUID());
            ingest(online);

            JsonNode all = read(operator, "/api/alerts");
            assertThat(all).extracting(a -> a.get("cameraId").asText() + " " + a.get("kind").asText() + " " + a.get("state").asText())
                    .containsExactlyInAnyOrder("SV-01 CAMERA_OFFLINE CLEARED", "SV-02 CAMERA_OFFLINE OPEN", "SV-01 MOTION_START OPEN");
            await().atMost(Duration.ofSeconds(5)).until(() -> pushedAlerts(sonVienStream).stream()
                    .anyMatch(a -> a.get("state").asText().equals("CLEARED") && a.get("cameraId").asText().equals("SV-01")));
        }
    }

    @Test
    void logoutEndsTheSessionsStreamsAndOnlyThose() throws Exception {
        try (SseTestClient operatorStream = operator.sse("/api/alerts/stream");
             SseTestClient queLocStream = queLoc.sse("/api/alerts/stream")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !operatorStream.received("hello").isEmpty() && !queLocStream.received("hello").isEmpty());
            assertThat(operator.send("POST", "/logout", null).statusCode()).isEqualTo(302);
            await().atMost(Duration.ofSeconds(5)).until(operatorStream::ended);
            Thread.sleep(200);
            assertThat(queLocStream.ended()).as("another session's stream stays open").isFalse();
        }
    }

    @Test
    void handlingIsForTheDeskAuditedAndPushedToTheAlertsCommuneOnly() throws Exception {
        ingest(event(UUID.randomUUID(), "QL-01", "MOTION_START", ",\"score\":0.1"));
        String id = read(operator, "/api/alerts").get(0).get("id").asText();

        try (SseTestClient queLocStream = queLoc.sse("/api/alerts/stream");
             SseTestClient sonVienStream = sonVien.sse("/api/alerts/stream")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !queLocStream.received("hello").isEmpty() && !sonVienStream.received("hello").isEmpty());

            // the commune head follows the alert but does not handle it; another commune's head does not see it
            assertThat(queLoc.send("POST", "/api/alerts/" + id + "/acknowledge", null).statusCode()).isEqualTo(403);
            assertThat(read(queLoc, "/api/alerts/" + id).at("/alert/state").asText()).isEqualTo("OPEN");
            assertThat(sonVien.get("/api/alerts/" + id).statusCode()).isEqualTo(404);

            HttpResponse<String> acknowledged = operator.send("POST", "/api/alerts/" + id + "/acknowledge", null);
            assertThat(acknowledged.statusCode()).isEqualTo(200);
            JsonNode alert = json.readTree(acknowledged.body());
            assertThat(alert.get("state").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(alert.get("handledBy").asText()).isEqualTo("operator");

            WebSession technician = signIn("technician");
            assertThat(technician.send("POST", "/api/alerts/" + id + "/notes", "{\"text\":\"  \"}").statusCode()).isEqualTo(400);
            HttpResponse<String> noted = technician.send("POST", "/api/alerts/" + id + "/notes", "{\"text\":\"cành cây đổ, không có người\"}");
            assertThat(noted.statusCode()).isEqualTo(200);
            assertThat(json.readTree(noted.body()).get("notes").asInt()).isEqualTo(1);
            assertThat(technician.send("POST", "/api/alerts/" + id + "/false-positive", null).statusCode()).isEqualTo(200);
            assertThat(operator.send("POST", "/api/alerts/" + UUID.randomUUID() + "/acknowledge", null).statusCode()).isEqualTo(404);

            JsonNode detail = read(queLoc, "/api/alerts/" + id);
            assertThat(detail.at("/alert/state").asText()).isEqualTo("FALSE_POSITIVE");
            assertThat(detail.at("/alert/handledBy").asText()).isEqualTo("technician");
            assertThat(detail.at("/notes/0/text").asText()).isEqualTo("cành cây đổ, không có người");
            assertThat(detail.at("/notes/0/username").asText()).isEqualTo("technician");

            assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE action LIKE 'ALERT%' ORDER BY id", String.class))
                    .containsExactly("ALERT_ACKNOWLEDGED", "ALERT_NOTE", "ALERT_FALSE_POSITIVE");
            assertThat(jdbc.queryForList("SELECT target FROM audit_log WHERE action LIKE 'ALERT%'", String.class))
                    .containsOnly("alert " + id);

            await().atMost(Duration.ofSeconds(5)).until(() -> queLocStream.received("alert").size() >= 3);
            assertThat(pushedAlerts(queLocStream)).extracting(a -> a.get("state").asText())
                    .containsExactly("ACKNOWLEDGED", "ACKNOWLEDGED", "FALSE_POSITIVE");
            assertThat(sonVienStream.received("alert")).isEmpty();
        }
    }
}
