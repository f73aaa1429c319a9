package io.canhgac.event.camera;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.WebSession;
import io.canhgac.event.presence.PresenceApiTest;
import io.canhgac.event.presence.PresenceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site with its own inventory (Quế Trung) joins through its gateway's announcement: its commune is
 * made and given to that gateway, its cameras registered with their passwords sealed, a camera it drops
 * is switched off; what belongs to another gateway or to the district is refused, naming it.
 * The same properties as GatewayPresenceTest, so both run in one application context.
 */
class SiteInventoryApiTest extends PresenceApiTest {

    static final String QT_01 = """
            {"id":"QT-01","name":"Trung tâm hành chính huyện","communeId":"que-trung","latitude":15.7052,"longitude":107.9931,
             "device":{"deviceService":"http://127.0.60.11:8899/onvif/device_service","manufacturer":"Hikvision",
              "model":"DS-2DE4425IW-DE","firmware":"5.7.3","serialNumber":"QT01","hardwareId":"HW","mainProfile":"main",
              "mainStream":"rtsp://127.0.60.11:8554/main","subProfile":"sub","subStream":"rtsp://127.0.60.11:8554/sub",
              "snapshotUri":null,"ptz":true},
             "username":"admin","password":"NSQT01@2207"}""";
    static final String QT_02_UNREACHED = """
            {"id":"QT-02","name":"Chợ Trung Phước","communeId":"que-trung","latitude":15.7031,"longitude":107.9902,
             "device":null,"username":"admin","password":"NSQT02@8841"}""";
    static final String QUE_TRUNG = "{\"id\":\"que-trung\",\"name\":\"Quế Trung\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private WebSession admin;

    @BeforeEach
    void setUp() {
        admin = signIn("admin");
        clean();
    }

    @AfterEach
    void clean() {
        PresenceFixtures.clean(jdbc);
        jdbc.update("DELETE FROM camera WHERE commune_id = 'que-trung'");
        jdbc.update("DELETE FROM commune WHERE id = 'que-trung'");
        jdbc.update("DELETE FROM audit_log WHERE action = 'INVENTORY_ANNOUNCED'");
    }

    private String token(String name) throws Exception {
        HttpResponse<String> r = admin.send("POST", "/api/gateways", "{\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("token").asText();
    }

    private HttpResponse<String> announce(String token, String communes, String... cameras) throws Exception {
        String body = "{\"communes\":[" + communes + "],\"cameras\":[" + String.join(",", cameras) + "]}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/inventory"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode pulls(String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/cameras"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void aSiteAnnouncesItsCommuneAndCamerasAndTheyBecomeItsGatewaysWithoutATechnician() throws Exception {
        String token = token("que-trung");
        HttpResponse<String> accepted = announce(token, QUE_TRUNG, QT_01, QT_02_UNREACHED);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode answer = json.readTree(accepted.body());
        assertThat(answer.get("registered").toString()).isEqualTo("[\"QT-01\"]");
        assertThat(answer.get("waiting").toString()).isEqualTo("[\"QT-02\"]");

        JsonNode cameras = json.readTree(admin.get("/api/cameras").body());
        JsonNode qt1 = null;
        JsonNode qt2 = null;
        for (JsonNode c : cameras) {
            if (c.get("id").asText().equals("QT-01")) qt1 = c;
            if (c.get("id").asText().equals("QT-02")) qt2 = c;
        }
        assertThat(qt1).isNotNull();
        assertThat(qt1.get("commune").asText()).isEqualTo("Quế Trung");
        assertThat(qt1.get("gateway").asText()).isEqualTo("que-trung");
        assertThat(qt1.at("/registration/model").asText()).isEqualTo("DS-2DE4425IW-DE");
        assertThat(qt1.at("/registration/passwordStored").asBoolean()).isTrue();
        assertThat(qt2.get("registration").isNull()).as("not reached yet: listed, not onboarded").isTrue();
        assertThat(json.readTree(admin.get("/api/gateways").body()).findValues("communes").toString()).contains("que-trung");
        // sealed at rest, opened for the gateway that pulls it; only QT-01 has streams to pull
        byte[] secret = jdbc.queryForObject("SELECT password_secret FROM camera WHERE id = 'QT-01'", byte[].class);
        assertThat(new String(secret, StandardCharsets.ISO_8859_1)).doesNotContain("NSQT01");
        JsonNode pulled = pulls(token);
        assertThat(pulled.findValuesAsText("id")).containsExactly("QT-01");
        assertThat(pulled.get(0).get("password").asText()).isEqualTo("NSQT01@2207");
        assertThat(pulls("test-token").findValuesAsText("id")).as("the district's own gateway no longer pulls it")
                .doesNotContain("QT-01");

        // the site drops QT-02 from its file: switched off, not deleted; audited once per announcement
        assertThat(announce(token, QUE_TRUNG, QT_01).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT enabled FROM camera WHERE id = 'QT-02'", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SELECT enabled FROM camera WHERE id = 'QT-01'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("SELECT username || ' ' || detail FROM audit_log WHERE action = 'INVENTORY_ANNOUNCED' ORDER BY id",
                String.class)).hasSize(2).last().asString().startsWith("gateway:que-trung").contains("1 switched off (QT-02)");
        // and lists it again: switched back on
        assertThat(announce(token, QUE_TRUNG, QT_01, QT_02_UNREACHED).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT enabled FROM camera WHERE id = 'QT-02'", Boolean.class)).isTrue();
    }

    @Test
    void whatAnotherGatewayOrTheDistrictHoldsIsRefusedNamingIt() throws Exception {
        String queTrung = token("que-trung");
        assertThat(announce(queTrung, QUE_TRUNG, QT_01).statusCode()).isEqualTo(200);
        String other = token("other-site");

        HttpResponse<String> taken = announce(other, QUE_TRUNG, QT_01);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(json.readTree(taken.body()).get("detail").asText()).contains("commune que-trung is held by gateway que-trung");

        // a commune of the district's own inventory, with cameras the site does not list
        HttpResponse<String> district = announce(other, "{\"id\":\"que-loc\",\"name\":\"Quế Lộc\"}");
        assertThat(district.statusCode()).as(district.body()).isEqualTo(409);
        assertThat(json.readTree(district.body()).get("detail").asText()).contains("commune que-loc").contains("QL-01");

        // a camera id registered in another commune
        HttpResponse<String> camera = announce(other, "{\"id\":\"thon-9\",\"name\":\"Thôn 9\"}",
                QT_01.replace("\"communeId\":\"que-trung\"", "\"communeId\":\"thon-9\""));
        assertThat(camera.statusCode()).as(camera.body()).isEqualTo(409);
        assertThat(json.readTree(camera.body()).get("detail").asText())
                .contains("camera QT-01 is registered in commune que-trung, held by gateway que-trung");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM commune WHERE id = 'thon-9'", Integer.class))
                .as("a refused announcement changes nothing").isZero();

        // malformed: named field, nothing stored
        HttpResponse<String> bad = announce(other, "{\"id\":\"thon-9\",\"name\":\"Thôn 9\"}",
                "{\"id\":\"X-1\",\"communeId\":\"elsewhere\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("detail").asText()).startsWith("cameras[0].communeId");
        // people cannot announce
        assertThat(admin.send("PUT", "/api/ingest/inventory", "{}").statusCode()).isEqualTo(401);
    }
}
