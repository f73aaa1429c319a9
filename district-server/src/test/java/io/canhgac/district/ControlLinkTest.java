package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.WebSession;
import io.canhgac.gateway.GatewayAssembly;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The centre reaches a commune only through the link its gateway dials: a technician's sweep and
 * onboarding of Quế Lộc's cameras and an operator's PTZ go over Quế Lộc's gateway's connection, from
 * the same routes as in the all-in-one; a commune without a gateway, or whose gateway is away, is
 * answered 503 saying so. No gateway runs in the centre's process.
 */
class ControlLinkTest extends CommuneGatewayTestBase {

    @Test
    void sweepOnboardingAndPtzRideTheCommunesOwnLinkAndAnAbsentGatewayIsSaidSo() throws Exception {
        WebSession admin = WebSession.login(base(), "admin", "admin-demo");
        WebSession technician = WebSession.login(base(), "technician", "technician-demo");
        WebSession operator = WebSession.login(base(), "operator", "operator-demo");
        GatewayAssembly gateway = startQueLocGateway(admin, "que-loc");
        awaitLink("que-loc");

        // a sweep of Quế Lộc's network runs at Quế Lộc's gateway
        HttpResponse<String> started = technician.send("POST", "/api/discovery/sweeps",
                "{\"range\":\"127.0.94.1-127.0.94.30\",\"communeId\":\"que-loc\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String sweep = json.readTree(started.body()).get("id").asText();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(technician.get("/api/discovery/sweeps/" + sweep).body()),
                s -> !s.get("state").asText().equals("RUNNING"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("total").asInt()).isEqualTo(30);
        assertThat(done.get("devices").findValuesAsText("address")).containsExactlyInAnyOrder("127.0.94.11", "127.0.94.12");

        // onboarding through the link; the gateway then pulls the camera the registry gave it
        String deviceService = done.get("devices").findValuesAsText("deviceService").stream()
                .filter(d -> d.contains("127.0.94.11")).findFirst().orElseThrow();
        HttpResponse<String> onboarded = technician.send("POST", "/api/cameras/onboard", """
                {"address":"%s","username":"admin","password":"LQL-1#2026","cameraId":"LQL-1","communeId":"que-loc"}"""
                .formatted(deviceService));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        assertThat(json.readTree(onboarded.body()).at("/registration/ptz").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.assignment("LQL-1").isPresent());

        // a wrong password is the camera's refusal, carried back over the link
        HttpResponse<String> refused = technician.send("POST", "/api/cameras/LQL-1/credentials/test",
                "{\"username\":\"admin\",\"password\":\"wrong\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("problem").asText()).isEqualTo("BAD_CREDENTIALS");

        // PTZ from the operator's live view, through the same link
        HttpResponse<String> moved = operator.send("POST", "/api/cameras/LQL-1/ptz",
                "{\"action\":\"MOVE\",\"pan\":0.5,\"tilt\":0,\"zoom\":0}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        assertThat(operator.send("POST", "/api/cameras/LQL-1/ptz", "{\"action\":\"STOP\"}").statusCode()).isEqualTo(204);

        // the camera's own topic list, read by the gateway and carried back over the link
        HttpResponse<String> topics = operator.get("/api/cameras/LQL-1/topics");
        assertThat(topics.statusCode()).as(topics.body()).isEqualTo(200);
        assertThat(json.readTree(topics.body()).findValuesAsText("topic"))
                .containsExactly("tns1:RuleEngine/CellMotionDetector/Motion", "tns1:VideoSource/GlobalSceneChange/ImagingService");

        // Sơn Viên has no gateway, and the centre runs none: said so, not hung
        HttpResponse<String> noGateway = technician.send("POST", "/api/cameras/onboard",
                "{\"address\":\"127.0.95.11\",\"username\":\"admin\",\"password\":\"LSV-1#2026\",\"communeId\":\"son-vien\"}");
        assertThat(noGateway.statusCode()).as(noGateway.body()).isEqualTo(503);
        assertThat(json.readTree(noGateway.body()).get("problem").asText()).isEqualTo("GATEWAY_UNAVAILABLE");
        assertThat(json.readTree(noGateway.body()).get("detail").asText()).contains("son-vien");

        // Quế Lộc's gateway goes away: its commune is unreachable, and the answer names the gateway
        gateway.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> links.states().stream().noneMatch(s -> s.gatewayName().equals("que-loc")));
        HttpResponse<String> away = technician.send("POST", "/api/discovery/sweeps",
                "{\"range\":\"127.0.94.1-127.0.94.30\",\"communeId\":\"que-loc\"}");
        assertThat(away.statusCode()).as(away.body()).isEqualTo(503);
        assertThat(json.readTree(away.body()).get("detail").asText()).contains("que-loc").contains("not connected");
    }
}
