package io.canhgac.event.camera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A camera's presets, imaging and the new PTZ commands at the centre, through Quế Lộc's gateway link
 * (a bare WebSocket answering as a gateway would): bounds and tokens checked before anything crosses
 * the link, preset changes for technicians and admins only and audited, a commune head refused, a
 * camera's refusal passed on with its problem code. The same properties as GatewayPresenceTest, so
 * both run in one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=test-token",
        "canhgac.accounts.demo=true",
        "canhgac.gateways.silent-after=2s",
        "canhgac.gateways.check-every=200ms"})
@Timeout(60)
class CameraPtzApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private String base;
    private FakeGatewayLink link;
    /** The PTZ commands that reached the gateway, as their JSON. */
    private final List<JsonNode> commands = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        base = "http://127.0.0.1:" + port;
        clean();
        jdbc.update("UPDATE camera SET device_service = 'http://127.0.0.1:1/onvif/device_service', main_profile = 'main',"
                + " ptz = true, onboarded_at = now() WHERE id = 'QL-01'");
        WebSession admin = WebSession.login(base, "admin", "admin-demo");
        HttpResponse<String> r = admin.send("POST", "/api/gateways", "{\"name\":\"que-loc-ptz\",\"communes\":[\"que-loc\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        link = FakeGatewayLink.open(base, json.readTree(r.body()).get("token").asText(), "1.2.3").answering(this::answer);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/gateways/status").body().contains("\"connected\":true"));
    }

    @AfterEach
    void tearDown() {
        link.close();
        clean();
    }

    private void clean() {
        PresenceFixtures.clean(jdbc);
        jdbc.update("UPDATE camera SET device_service = NULL, main_profile = NULL, ptz = false, onboarded_at = NULL WHERE id = 'QL-01'");
        jdbc.update("DELETE FROM audit_log WHERE action LIKE 'PTZ_PRESET_%'");
    }

    /** Quế Lộc's gateway: QL-01 is a dome with two presets; preset 9 is one the camera does not have. */
    private String answer(JsonNode request) {
        long id = request.path("id").asLong();
        return switch (request.get("type").asText()) {
            case "presets" -> """
                    {"type":"preset-list","id":%d,"presets":[{"token":"1","name":"Home","pan":0,"tilt":0,"zoom":0},
                    {"token":"2","name":"Cổng chợ","pan":-0.5,"tilt":0.1,"zoom":0.3}]}""".formatted(id);
            case "imaging" -> """
                    {"type":"imaging-settings","id":%d,"imaging":{"brightness":50,"colorSaturation":0,"contrast":55,
                    "irCutFilter":"OFF","exposureMode":"AUTO","whiteBalanceMode":"AUTO"}}""".formatted(id);
            case "ptz" -> {
                commands.add(request.get("command"));
                yield "9".equals(request.at("/command/preset").asText())
                        ? """
                        {"type":"failed","id":%d,"problem":"INVALID_ARGUMENT","message":"Camera QL-01: no preset 9"}""".formatted(id)
                        : "{\"type\":\"done\",\"id\":" + id + "}";
            }
            default -> null;
        };
    }

    private static String command(String action, String rest) {
        return "{\"action\":\"" + action + "\"" + rest + "}";
    }

    @Test
    void presetsAndImagingAreReadFromTheCameraThroughItsCommunesGateway() throws Exception {
        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        HttpResponse<String> presets = operator.get("/api/cameras/QL-01/presets");
        assertThat(presets.statusCode()).as(presets.body()).isEqualTo(200);
        JsonNode list = json.readTree(presets.body());
        assertThat(list).hasSize(2);
        assertThat(list.get(1).get("name").asText()).isEqualTo("Cổng chợ");
        assertThat(list.get(1).get("pan").asDouble()).isEqualTo(-0.5);

        HttpResponse<String> imaging = operator.get("/api/cameras/QL-01/imaging");
        assertThat(imaging.statusCode()).as(imaging.body()).isEqualTo(200);
        JsonNode settings = json.readTree(imaging.body());
        assertThat(settings.get("contrast").asDouble()).isEqualTo(55);
        assertThat(settings.get("irCutFilter").asText()).isEqualTo("OFF");
        assertThat(settings.get("sharpness").isNull()).as("left out by the camera").isTrue();

        assertThat(operator.get("/api/cameras/no-such-camera/presets").statusCode()).isEqualTo(404);
        // a fixed camera has no presets to list
        assertThat(operator.get("/api/cameras/QL-02/presets").statusCode()).isEqualTo(409);
        // commune heads, even Quế Lộc's, have the daily report, not the camera's settings
        WebSession head = WebSession.login(base, "que-loc", "que-loc-demo");
        assertThat(head.get("/api/cameras/QL-01/presets").statusCode()).isEqualTo(403);
        assertThat(head.get("/api/cameras/QL-01/imaging").statusCode()).isEqualTo(403);
    }

    @Test
    void movesAreBoundedPresetChangesAreTechniciansAndAuditedAndACamerasRefusalIsPassedOn() throws Exception {
        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        WebSession technician = WebSession.login(base, "technician", "technician-demo");
        String ptz = "/api/cameras/QL-01/ptz";
        assertThat(operator.send("POST", ptz, command("ABSOLUTE", ",\"pan\":-1,\"tilt\":0.25,\"zoom\":1")).statusCode()).isEqualTo(204);
        assertThat(operator.send("POST", ptz, command("RELATIVE", ",\"pan\":0.1,\"zoom\":-0.2")).statusCode()).isEqualTo(204);
        assertThat(operator.send("POST", ptz, command("PRESET", ",\"preset\":\"2\"")).statusCode()).isEqualTo(204);
        // out of bounds or malformed: refused here, nothing crosses the link
        int sent = commands.size();
        for (String bad : List.of(command("ABSOLUTE", ",\"pan\":1.5"), command("ABSOLUTE", ",\"zoom\":-0.5"),
                command("RELATIVE", ",\"tilt\":-2"), command("SET_PRESET", ""), command("SET_PRESET", ",\"presetName\":\"a\\u0007\""),
                command("REMOVE_PRESET", ",\"preset\":\"1</tt:PresetToken>\""), command("REMOVE_PRESET", ""))) {
            HttpResponse<String> r = technician.send("POST", ptz, bad);
            assertThat(r.statusCode()).as(bad + " → " + r.body()).isEqualTo(400);
        }
        assertThat(commands).hasSize(sent);

        // the desk goes to presets; saving and removing them is for technicians and admins
        HttpResponse<String> refused = operator.send("POST", ptz, command("SET_PRESET", ",\"presetName\":\"Bến đò\""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("problem").asText()).isEqualTo("PRESETS_FOR_TECHNICIANS");
        assertThat(operator.send("POST", ptz, command("REMOVE_PRESET", ",\"preset\":\"2\"")).statusCode()).isEqualTo(403);
        assertThat(commands).hasSize(sent);
        assertThat(technician.send("POST", ptz, command("SET_PRESET", ",\"presetName\":\"Bến đò\"")).statusCode()).isEqualTo(204);
        assertThat(technician.send("POST", ptz, command("REMOVE_PRESET", ",\"preset\":\"2\"")).statusCode()).isEqualTo(204);
        assertThat(commands).extracting(c -> c.get("action").asText())
                .containsExactly("ABSOLUTE", "RELATIVE", "PRESET", "SET_PRESET", "REMOVE_PRESET");
        assertThat(commands.get(0).get("pan").asDouble()).isEqualTo(-1);
        assertThat(commands.get(3).get("presetName").asText()).isEqualTo("Bến đò");
        List<Map<String, Object>> audited = jdbc.queryForList(
                "SELECT username, action, target, detail FROM audit_log WHERE action LIKE 'PTZ_PRESET_%' ORDER BY id");
        assertThat(audited).extracting(a -> a.get("username") + " " + a.get("action") + " " + a.get("target") + " " + a.get("detail"))
                .containsExactly("technician PTZ_PRESET_SAVED QL-01 'Bến đò' as a new preset",
                        "technician PTZ_PRESET_REMOVED QL-01 preset 2");

        // the camera refuses a preset it does not have: the page gets its code
        HttpResponse<String> missing = technician.send("POST", ptz, command("PRESET", ",\"preset\":\"9\""));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json.readTree(missing.body()).get("problem").asText()).isEqualTo("INVALID_ARGUMENT");
    }
}
