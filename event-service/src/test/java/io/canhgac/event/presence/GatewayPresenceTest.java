package io.canhgac.event.presence;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The centre watches its commune gateways: the status route shows each one's link, outbox and last
 * contact; a gateway whose link stays down past silent-after (2 s here) raises one GATEWAY_SILENT,
 * cleared when it dials in again; an outbox alarm raises GATEWAY_OUTBOX, cleared when it drains.
 * The gateway is a bare WebSocket client speaking the link's JSON.
 */
@Timeout(120)
class GatewayPresenceTest extends PresenceApiTest {

    static final Duration SILENT_AFTER = Duration.ofSeconds(2);

    private WebSession admin;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = signIn("admin");
        clean();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        clean();
    }

    /** Test gateways go with their alerts; the built-in 'district' stays. */
    private void clean() {
        PresenceFixtures.clean(jdbc);
        jdbc.update("UPDATE camera SET sub_stream = NULL, onboarded_at = NULL WHERE id = 'QL-01'");
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        open.add(c);
        return c;
    }

    private JsonNode register(String name, String... communes) throws Exception {
        String list = communes.length == 0 ? "" : ",\"communes\":[\"" + String.join("\",\"", communes) + "\"]";
        HttpResponse<String> r = admin.send("POST", "/api/gateways", "{\"name\":\"" + name + "\"" + list + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    private JsonNode statusOf(WebSession who, String gateway) throws Exception {
        HttpResponse<String> r = who.get("/api/gateways/status");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode g : json.readTree(r.body()).get("gateways")) {
            if (g.get("name").asText().equals(gateway)) {
                return g;
            }
        }
        throw new AssertionError("no gateway " + gateway + " in " + r.body());
    }

    private List<JsonNode> gatewayAlerts(WebSession who, String gatewayId, String kind) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode a : json.readTree(who.get("/api/alerts").body())) {
            if (gatewayId.equals(a.path("gatewayId").asText()) && a.get("kind").asText().equals(kind)) {
                found.add(a);
            }
        }
        return found;
    }

    @Test
    void aMotionEventOpenedBeforeItsClipArrivedAsksTheGatewayHoldingItsCommuneForIt() throws Exception {
        JsonNode registered = register("que-loc-media", "que-loc");
        String token = registered.get("token").asText();
        FakeGatewayLink link = closeLater(FakeGatewayLink.open(base, token, "1.2.3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(admin, "que-loc-media").get("connected").asBoolean());
        UUID event = UUID.randomUUID();
        HttpResponse<String> stored = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/api/ingest/events")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        [{"id":"%s","cameraId":"QL-01","type":"MOTION_START","occurredAt":"%s","score":0.2}]"""
                        .formatted(event, Instant.now()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

        WebSession operator = signIn("operator");
        assertThat(operator.get("/api/events/" + event + "/media").body()).isEqualTo("[]");
        await().atMost(Duration.ofSeconds(10)).until(() -> wanted(link, event) == 1);
        operator.get("/api/events/" + event + "/media");
        Thread.sleep(500);
        assertThat(wanted(link, event)).as("asked once a minute at most, however often the page looks").isEqualTo(1);
        // a commune head of another commune opening it (it is not theirs) asks nothing
        WebSession sonVien = signIn("son-vien");
        UUID other = UUID.randomUUID();
        jdbc.update("INSERT INTO camera_event (id, camera_id, type, occurred_at) VALUES (?, 'QL-01', 'MOTION_START', now())", other);
        sonVien.get("/api/events/" + other + "/media");
        Thread.sleep(500);
        assertThat(wanted(link, other)).isZero();
    }

    private static long wanted(FakeGatewayLink link, UUID event) {
        return link.received().stream().filter(m -> m.contains("\"media-wanted\"") && m.contains(event.toString())).count();
    }

    @Test
    void theStatusRouteShowsTheLinkItsOutboxAndLastContactAndASilentGatewayRaisesOneAlertThatItsReturnClears()
            throws Exception {
        JsonNode registered = register("que-loc-gw", "que-loc");
        String token = registered.get("token").asText();
        String id = registered.at("/gateway/id").asText();
        jdbc.update("UPDATE camera SET sub_stream = 'rtsp://127.0.0.1:1/sub', onboarded_at = now() WHERE id = 'QL-01'");
        WebSession technician = signIn("technician");
        WebSession queLoc = signIn("que-loc");
        WebSession sonVien = signIn("son-vien");
        SseTestClient queLocStream = closeLater(queLoc.sse("/api/alerts/stream"));
        SseTestClient sonVienStream = closeLater(sonVien.sse("/api/alerts/stream"));

        Instant before = Instant.now();
        FakeGatewayLink link = FakeGatewayLink.open(base, token, "1.2.3");
        Instant oldest = Instant.parse("2026-11-22T01:00:00Z");
        link.status(2, 120, 48_000, oldest, 0, false, 3);
        JsonNode up = await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(technician, "que-loc-gw"),
                g -> g.get("connected").asBoolean() && !g.path("outbox").isNull() && !g.path("outbox").isMissingNode());
        assertThat(up.get("state").asText()).isEqualTo("CONNECTED");
        assertThat(up.get("version").asText()).isEqualTo("1.2.3");
        assertThat(up.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(up.at("/communes/0/id").asText()).isEqualTo("que-loc");
        assertThat(up.at("/communes/0/name").asText()).isEqualTo("Quế Lộc");
        assertThat(up.at("/outbox/events").asLong()).isEqualTo(120);
        assertThat(up.at("/outbox/bytes").asLong()).isEqualTo(48_000);
        assertThat(Instant.parse(up.at("/outbox/oldestPending").asText())).isEqualTo(oldest);
        assertThat(up.at("/outbox/alarm").asBoolean()).isFalse();
        assertThat(up.at("/media/pending").asInt()).isEqualTo(3);
        assertThat(up.at("/cameras/registered").asInt()).as("QL-01, the one onboarded camera of que-loc").isEqualTo(1);
        assertThat(up.at("/cameras/pulling").asInt()).isEqualTo(2);
        Instant contact = Instant.parse(up.get("lastContact").asText());
        assertThat(contact).isAfterOrEqualTo(before.minusSeconds(1)).isBeforeOrEqualTo(Instant.now());
        assertThat(Instant.parse(up.get("connectedSince").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        // the built-in gateway holds nothing and never connected: never seen, not silent
        assertThat(statusOf(technician, "district").get("state").asText()).isIn("NEVER_SEEN", "REACHABLE");
        // the desk may look too; commune heads may not
        assertThat(signIn("operator").get("/api/gateways/status").statusCode()).isEqualTo(200);
        assertThat(queLoc.get("/api/gateways/status").statusCode()).isEqualTo(403);
        // each camera names the gateway holding its commune; a commune held by none has none
        JsonNode cameras = json.readTree(admin.get("/api/cameras").body());
        for (JsonNode c : cameras) {
            String expected = c.get("communeId").asText().equals("que-loc") ? "que-loc-gw" : null;
            assertThat(c.get("gateway").isNull() ? null : c.get("gateway").asText()).as(c.get("id").asText()).isEqualTo(expected);
        }
        // last contact is kept in the table while the link is up, for a restart and the other nodes
        await().atMost(Duration.ofSeconds(5)).until(() ->
                jdbc.queryForObject("SELECT last_seen_at IS NOT NULL FROM gateway WHERE id = ?::uuid", Boolean.class, id));

        // the link goes down: after silent-after, one alert, naming the gateway and its commune
        link.close();
        Instant lastHeard = link.lastSent();
        await().atMost(Duration.ofSeconds(5)).until(() -> !statusOf(technician, "que-loc-gw").get("connected").asBoolean());
        if (Duration.between(lastHeard, Instant.now()).compareTo(SILENT_AFTER.minusMillis(500)) < 0) {
            assertThat(gatewayAlerts(admin, id, "GATEWAY_SILENT")).as("silent before silent-after").isEmpty();
        }
        JsonNode silent = await().atMost(Duration.ofSeconds(10)).until(() -> gatewayAlerts(admin, id, "GATEWAY_SILENT"),
                l -> !l.isEmpty()).get(0);
        assertThat(Duration.between(lastHeard, Instant.parse(silent.get("raisedAt").asText())))
                .as("raised after silent-after").isGreaterThanOrEqualTo(SILENT_AFTER.minusMillis(100));
        assertThat(silent.get("state").asText()).isEqualTo("OPEN");
        assertThat(silent.get("gateway").asText()).isEqualTo("que-loc-gw");
        assertThat(silent.at("/gatewayCommunes/0/name").asText()).isEqualTo("Quế Lộc");
        assertThat(silent.get("cameraId").isNull()).isTrue();
        assertThat(silent.get("eventId").isNull()).isTrue();
        assertThat(Instant.parse(silent.get("since").asText())).isBetween(contact.minusMillis(1), Instant.now());
        assertThat(statusOf(technician, "que-loc-gw").get("state").asText()).isEqualTo("SILENT");
        Thread.sleep(1000); // five more looks: still one alert
        assertThat(gatewayAlerts(admin, id, "GATEWAY_SILENT")).hasSize(1);
        // pushed to the commune head of the gateway's commune, not to another commune's
        String alertId = silent.get("id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> queLocStream.received("alert").stream()
                .anyMatch(r -> r.data().contains(alertId)));
        assertThat(gatewayAlerts(queLoc, id, "GATEWAY_SILENT")).hasSize(1);
        assertThat(gatewayAlerts(sonVien, id, "GATEWAY_SILENT")).isEmpty();
        assertThat(sonVien.get("/api/alerts/" + alertId).statusCode()).isEqualTo(404);
        assertThat(sonVienStream.received("alert")).noneMatch(r -> r.data().contains(alertId));
        // the desk handles it like any alert, and the audit says what it was about
        assertThat(technician.send("POST", "/api/alerts/" + alertId + "/acknowledge", null).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'ALERT_ACKNOWLEDGED' AND target = ?",
                String.class, "alert " + alertId)).contains("GATEWAY_SILENT on gateway que-loc-gw");

        // it dials in again: the alert is cleared at once, and the commune head's stream hears of it
        FakeGatewayLink again = closeLater(FakeGatewayLink.open(base, token, "1.2.3"));
        JsonNode cleared = await().atMost(Duration.ofSeconds(5)).until(() -> gatewayAlerts(admin, id, "GATEWAY_SILENT").get(0),
                a -> a.get("state").asText().equals("CLEARED"));
        assertThat(cleared.get("handledBy").asText()).isEqualTo("gateway heard again");
        await().atMost(Duration.ofSeconds(5)).until(() -> queLocStream.received("alert").stream()
                .anyMatch(r -> r.data().contains(alertId) && r.data().contains("CLEARED")));
        again.status(2, 0, 0, null, 0, false, 0);
        Thread.sleep(600);
        assertThat(gatewayAlerts(admin, id, "GATEWAY_SILENT")).as("no new alert while connected").hasSize(1);
    }

    @Test
    void anOutboxAlarmRaisesGatewayOutboxUntilItDrainsAndOnlyTheGatewaysCommuneSeesIt() throws Exception {
        JsonNode registered = register("son-vien-gw", "son-vien");
        String id = registered.at("/gateway/id").asText();
        WebSession sonVien = signIn("son-vien");
        WebSession queLoc = signIn("que-loc");
        FakeGatewayLink link = closeLater(FakeGatewayLink.open(base, registered.get("token").asText(), "dev"));
        link.status(3, 10, 1000, Instant.now().minusSeconds(30), 0, false, 0);
        Thread.sleep(600);
        assertThat(gatewayAlerts(admin, id, "GATEWAY_OUTBOX")).as("under the alarm").isEmpty();

        Instant oldest = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        link.status(3, 50_000, 20_000_000, oldest, 0, true, 0);
        JsonNode full = await().atMost(Duration.ofSeconds(5)).until(() -> gatewayAlerts(admin, id, "GATEWAY_OUTBOX"),
                l -> !l.isEmpty()).get(0);
        assertThat(full.get("state").asText()).isEqualTo("OPEN");
        assertThat(full.get("gateway").asText()).isEqualTo("son-vien-gw");
        assertThat(Instant.parse(full.get("since").asText())).isEqualTo(oldest);
        assertThat(gatewayAlerts(sonVien, id, "GATEWAY_OUTBOX")).hasSize(1);
        assertThat(gatewayAlerts(queLoc, id, "GATEWAY_OUTBOX")).isEmpty();
        assertThat(statusOf(admin, "son-vien-gw").at("/outbox/alarm").asBoolean()).isTrue();

        // events dropped keep it raised (one alert), even once the alarm itself is off
        link.status(3, 100, 5000, oldest, 7, false, 0);
        Thread.sleep(600);
        assertThat(gatewayAlerts(admin, id, "GATEWAY_OUTBOX")).hasSize(1).allMatch(a -> a.get("state").asText().equals("OPEN"));

        // drained (a restarted gateway counts its drops afresh): cleared
        link.status(3, 0, 0, null, 0, false, 0);
        JsonNode cleared = await().atMost(Duration.ofSeconds(5)).until(() -> gatewayAlerts(admin, id, "GATEWAY_OUTBOX").get(0),
                a -> a.get("state").asText().equals("CLEARED"));
        assertThat(cleared.get("handledBy").asText()).isEqualTo("outbox back under its alarm");
        assertThat(gatewayAlerts(admin, id, "GATEWAY_SILENT")).as("it never went silent").isEmpty();
    }

    @Test
    void aGatewayHoldingACommuneThatNeverConnectedIsSilentAndOneHoldingNothingIsNot() throws Exception {
        // a commune's gateway that never dialled in is silent once silent-after has passed since it was registered
        Instant registered = Instant.now().minusMillis(5);
        String holding = register("phuoc-ninh-gw", "phuoc-ninh").at("/gateway/id").asText();
        String idle = register("spare-gw").at("/gateway/id").asText();
        JsonNode silent = await().atMost(Duration.ofSeconds(10)).until(() -> gatewayAlerts(admin, holding, "GATEWAY_SILENT"),
                l -> !l.isEmpty()).get(0);
        assertThat(silent.get("since").isNull()).as("never heard from").isTrue();
        assertThat(Duration.between(registered, Instant.parse(silent.get("raisedAt").asText())))
                .isGreaterThanOrEqualTo(SILENT_AFTER.minusMillis(200));
        assertThat(statusOf(admin, "phuoc-ninh-gw").get("state").asText()).isEqualTo("NEVER_SEEN");
        Thread.sleep(1000);
        assertThat(gatewayAlerts(admin, idle, "GATEWAY_SILENT")).as("a gateway holding nothing is not expected").isEmpty();
        assertThat(json.readTree(admin.get("/api/alerts").body()).findValuesAsText("gateway")).doesNotContain("district");

        // revoking the silent gateway clears its alert: it is no longer expected
        assertThat(admin.send("POST", "/api/gateways/" + holding + "/revoke", null).statusCode()).isEqualTo(200);
        JsonNode cleared = await().atMost(Duration.ofSeconds(5)).until(() -> gatewayAlerts(admin, holding, "GATEWAY_SILENT").get(0),
                a -> a.get("state").asText().equals("CLEARED"));
        assertThat(cleared.get("handledBy").asText()).isEqualTo("gateway revoked");
        assertThat(statusOf(admin, "phuoc-ninh-gw").get("state").asText()).isEqualTo("REVOKED");
    }
}
