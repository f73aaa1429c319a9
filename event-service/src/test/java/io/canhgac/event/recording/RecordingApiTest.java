package io.canhgac.event.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import io.canhgac.event.presence.FakeGatewayLink;
import io.canhgac.event.presence.PresenceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import static io.canhgac.event.EventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The centre's side of recordings, against a fake commune gateway on the control link: the timeline's
 * spans and gaps asked through the link, playback tickets, and an incident's recording export from the
 * hold to the MP4 in the evidence ZIP, with the hold released at close, also when the gateway was offline.
 * Same properties as IncidentApiTest, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=test-token",
        "canhgac.accounts.demo=true",
        "canhgac.media.dir=target/test-media"})
@Timeout(120)
class RecordingApiTest {

    static final String DAY = "from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private String base;
    private WebSession admin;
    private WebSession operator;
    private WebSession queLoc;
    private WebSession sonVien;
    private String token;
    private FakeGatewayLink gateway;

    @BeforeEach
    void setUp() throws Exception {
        base = "http://127.0.0.1:" + port;
        admin = WebSession.login(base, "admin", "admin-demo");
        operator = WebSession.login(base, "operator", "operator-demo");
        queLoc = WebSession.login(base, "que-loc", "que-loc-demo");
        sonVien = WebSession.login(base, "son-vien", "son-vien-demo");
        clean();
        HttpResponse<String> r = admin.send("POST", "/api/gateways", "{\"name\":\"que-loc-rec\",\"communes\":[\"que-loc\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        token = json.readTree(r.body()).get("token").asText();
        gateway = connect();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        clean();
    }

    private void clean() {
        EventFixtures.clearEvents(jdbc);
        PresenceFixtures.clean(jdbc);
        jdbc.update("DELETE FROM audit_log WHERE action IN ('PLAYBACK_STARTED', 'RECORDING_EXPORTED')");
    }

    /** The fake gateway: one span and one gap for any camera; holds done; exports done unless nothing is recorded. */
    private FakeGatewayLink connect() throws Exception {
        FakeGatewayLink link = FakeGatewayLink.open(base, token, "test");
        link.answering(m -> {
            long id = m.path("id").asLong();
            return switch (m.get("type").asText()) {
                case "recordings" -> """
                        {"type":"recorded","id":%d,"spans":[{"start":"2026-12-07T00:00:00Z","end":"2026-12-07T02:05:00Z","stream":"main"}],
                        "gaps":[{"start":"2026-12-07T02:05:00Z","end":"2026-12-07T02:07:30Z","reason":"CAMERA_OFFLINE"}],
                        "oldest":"2026-11-30T00:00:00Z"}""".formatted(id);
                case "recording-hold" -> "{\"type\":\"done\",\"id\":" + id + "}";
                case "recording-export" -> m.get("from").asText().startsWith("2026-12-07T05")
                        ? "{\"type\":\"failed\",\"id\":" + id + ",\"problem\":\"NOT_RECORDED\",\"message\":\"nothing recorded\"}"
                        : "{\"type\":\"done\",\"id\":" + id + "}";
                default -> null;
            };
        });
        return link;
    }

    private JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> sent(FakeGatewayLink link, String type) {
        return link.received().stream().map(this::read).filter(m -> m.get("type").asText().equals(type)).toList();
    }

    @Test
    void theTimelineComesThroughTheCommunesGatewayLinkAndIsScopedLikeTheCamera() throws Exception {
        JsonNode day = ok(operator.get("/api/cameras/QL-01/recordings?" + DAY), 200);
        assertThat(day.at("/spans/0/end").asText()).isEqualTo("2026-12-07T02:05:00Z");
        assertThat(day.at("/gaps/0/reason").asText()).isEqualTo("CAMERA_OFFLINE");
        assertThat(day.get("oldest").asText()).isEqualTo("2026-11-30T00:00:00Z");
        JsonNode asked = sent(gateway, "recordings").get(0);
        assertThat(asked.get("cameraId").asText()).isEqualTo("QL-01");
        assertThat(asked.get("from").asText()).isEqualTo("2026-12-07T00:00:00Z");

        assertThat(ok(queLoc.get("/api/cameras/QL-01/recordings?" + DAY), 200).get("spans")).hasSize(1);
        assertThat(sonVien.get("/api/cameras/QL-01/recordings?" + DAY).statusCode()).as("another commune's camera").isEqualTo(404);
        assertThat(ok(operator.get("/api/cameras/QL-01/recordings?from=2026-12-07T02:00:00Z&to=2026-12-07T01:00:00Z"), 400)
                .get("detail").asText()).contains("ends before it starts");
        assertThat(ok(operator.get("/api/cameras/QL-01/recordings?from=2026-12-01T00:00:00Z&to=2026-12-07T00:00:00Z"), 400)
                .get("detail").asText()).contains("longer than 2 days");

        gateway.close();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(operator.get("/api/cameras/QL-01/recordings?" + DAY).statusCode()).isEqualTo(503));
        JsonNode down = json.readTree(operator.get("/api/cameras/QL-01/recordings?" + DAY).body());
        assertThat(down.get("problem").asText()).isEqualTo("GATEWAY_UNAVAILABLE");
        assertThat(down.get("detail").asText()).contains("que-loc-rec", "not connected");
    }

    @Test
    void aPlaybackTicketIsForOneCameraTheCallerMaySeeAndIsAudited() throws Exception {
        String body = "{\"cameraId\":\"QL-01\",\"stream\":\"main\",\"from\":\"2026-12-07T02:10:00Z\",\"speed\":\"4\"}";
        JsonNode ticket = ok(queLoc.send("POST", "/api/playback/tickets", body), 200);
        assertThat(ticket.get("url").asText()).contains("/playback/QL-01/main?ticket=", "&from=2026-12-07T02:10:00Z", "&speed=4");
        assertThat(sonVien.send("POST", "/api/playback/tickets", body).statusCode()).isEqualTo(404);
        assertThat(operator.send("POST", "/api/playback/tickets", body.replace("\"4\"", "\"3\"")).statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForList("SELECT username || ' ' || target || ' ' || detail FROM audit_log WHERE action = 'PLAYBACK_STARTED'",
                String.class)).containsExactly("que-loc QL-01 main from 2026-12-07T02:10:00Z x4");
    }

    @Test
    void anExportIsHeldUploadedAsRecordingPutInTheEvidenceAndReleasedWhenTheIncidentClosesEvenAfterAnOutage() throws Exception {
        UUID event = UUID.randomUUID();
        EventFixtures.ingest(base, "test-token", event(event, "QL-01", "MOTION_START", "2026-12-07T02:10:00Z", ",\"score\":0.2"));
        String alert = jdbc.queryForObject("SELECT id::text FROM alert WHERE event_id = ?", String.class, event);
        String incident = ok(operator.send("POST", "/api/incidents", "{\"title\":\"Road at 02:10\",\"alertIds\":[\"" + alert + "\"]}"), 201)
                .at("/incident/id").asText();
        String range = "\"from\":\"2026-12-07T02:08:00Z\",\"to\":\"2026-12-07T02:12:00Z\"";

        assertThat(sonVien.send("POST", "/api/incidents/" + incident + "/recordings", "{\"cameraIds\":[\"QL-01\"]," + range + "}")
                .statusCode()).as("another commune's head sees no such incident").isEqualTo(404);
        JsonNode asked = ok(queLoc.send("POST", "/api/incidents/" + incident + "/recordings", "{\"cameraIds\":[\"QL-01\"]," + range + "}"), 202);
        assertThat(asked).hasSize(1);
        assertThat(asked.at("/0/state").asText()).isEqualTo("ASKED");
        String exportId = asked.at("/0/id").asText();
        assertThat(sent(gateway, "recording-hold").get(0).get("held").asBoolean()).isTrue();
        JsonNode export = sent(gateway, "recording-export").get(0);
        assertThat(export.get("exportId").asText()).isEqualTo(exportId);
        assertThat(export.get("to").asText()).isEqualTo("2026-12-07T02:12:00Z");

        JsonNode none = ok(operator.send("POST", "/api/incidents/" + incident + "/recordings",
                "{\"cameraIds\":[\"QL-01\"],\"from\":\"2026-12-07T05:00:00Z\",\"to\":\"2026-12-07T05:01:00Z\"}"), 202);
        assertThat(none.at("/1/state").asText()).isEqualTo("FAILED");
        assertThat(none.at("/1/problem").asText()).startsWith("NOT_RECORDED");

        byte[] mp4 = "ftyp-and-moov-standing-in-for-a-remuxed-recording".repeat(100).getBytes();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mp4));
        assertThat(chunk(UUID.randomUUID(), mp4, sha).statusCode()).as("a recording nobody asked for").isEqualTo(404);
        assertThat(chunk(UUID.fromString(exportId), mp4, sha).statusCode()).isEqualTo(201);
        JsonNode arrived = ok(queLoc.get("/api/incidents/" + incident + "/recordings"), 200).get(0);
        assertThat(arrived.get("state").asText()).isEqualTo("ARRIVED");
        assertThat(arrived.get("sha256").asText()).isEqualTo(sha);

        Map<String, byte[]> zip = unzip(queLoc.download("/api/incidents/" + incident + "/evidence.zip").body());
        String entry = zip.keySet().stream().filter(n -> n.endsWith(exportId + ".mp4")).findFirst().orElseThrow();
        assertThat(zip.get(entry)).isEqualTo(mp4);
        assertThat(new String(zip.get("manifest.sha256"))).contains(sha + "  " + entry);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'RECORDING_EXPORTED' AND username = 'que-loc'",
                Integer.class)).isEqualTo(1);

        // the gateway is offline when the incident is closed: its holds are released once it dials in again
        gateway.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> operator.get("/api/cameras/QL-01/recordings?" + DAY).statusCode() == 503);
        ok(operator.send("POST", "/api/incidents/" + incident + "/status", "{\"status\":\"CLOSED\"}"), 200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recording_export WHERE hold_released_at IS NULL", Integer.class)).isEqualTo(2);
        gateway = connect();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(sent(gateway, "recording-hold")).hasSize(2).allSatisfy(h -> assertThat(h.get("held").asBoolean()).isFalse());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM recording_export WHERE hold_released_at IS NULL", Integer.class)).isZero();
        });
    }

    private HttpResponse<String> chunk(UUID id, byte[] file, String sha) throws Exception {
        String query = "?offset=0&size=" + file.length + "&eventId=" + id + "&cameraId=QL-01&kind=RECORDING"
                + "&capturedAt=2026-12-07T02:08:00Z&sha256=" + sha;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/media/" + id + "/chunks" + query))
                .header("Content-Type", "application/octet-stream").header("Authorization", "Bearer test-token")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
