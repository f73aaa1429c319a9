package io.canhgac.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.simulator.CameraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FaultControlServerTest extends FaultControlTestBase {

    static CameraSimulator simulator;
    static FaultControlServer control;

    @BeforeAll
    static void start() throws Exception {
        simulator = oneCamera("old-pass", true);
        control = FaultControlServer.start(simulator, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        control.close();
        simulator.close();
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        return call(control, method, path);
    }

    @Test
    void listsCamerasWithoutTheirPasswords() throws Exception {
        HttpResponse<String> r = call("GET", "/cameras");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode cameras = json.readTree(r.body());
        assertThat(cameras).hasSize(1);
        assertThat(cameras.get(0).get("id").asText()).isEqualTo("CAM-1");
        assertThat(cameras.get(0).get("poweredOn").asBoolean()).isTrue();
        assertThat(r.body()).doesNotContain("old-pass");
    }

    @Test
    void offlineForNSecondsThenBackByItself() throws Exception {
        JsonNode after = json.readTree(call("POST", "/cameras/CAM-1/offline?seconds=1").body());
        assertThat(after.get("poweredOn").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> json.readTree(call("GET", "/cameras/CAM-1").body()).get("poweredOn").asBoolean());
    }

    @Test
    void pictureAndStreamFaultsAreReported() throws Exception {
        assertThat(json.readTree(call("POST", "/cameras/CAM-1/freeze").body()).get("picture").asText()).isEqualTo("FROZEN");
        assertThat(json.readTree(call("POST", "/cameras/CAM-1/cover").body()).get("picture").asText()).isEqualTo("COVERED");
        assertThat(json.readTree(call("POST", "/cameras/CAM-1/live").body()).get("picture").asText()).isEqualTo("LIVE");
        assertThat(json.readTree(call("POST", "/cameras/CAM-1/stall").body()).get("stalled").asBoolean()).isTrue();
        assertThat(json.readTree(call("POST", "/cameras/CAM-1/resume").body()).get("stalled").asBoolean()).isFalse();
    }

    @Test
    void theCameraCardCanLoseAStretch() throws Exception {
        JsonNode before = json.readTree(call("GET", "/cameras/CAM-1").body());
        assertThat(before.get("card").get("holes").asInt()).isZero();
        JsonNode after = json.readTree(call("POST", "/cameras/CAM-1/card-lose?seconds=30").body());
        assertThat(after.get("card").get("holes").asInt()).isEqualTo(1);
        assertThat(simulator.camera("CAM-1").storage().orElseThrow().holds(java.time.Instant.now().minusSeconds(10))).isFalse();
    }

    @Test
    void passwordChangeTakesEffect() throws Exception {
        assertThat(call("POST", "/cameras/CAM-1/password?value=new-pass").statusCode()).isEqualTo(200);
        assertThat(simulator.camera("CAM-1").credentials().password()).isEqualTo("new-pass");
        call("POST", "/cameras/CAM-1/password?value=old-pass");
    }

    @Test
    void clearErrors() throws Exception {
        HttpResponse<String> unknownCamera = call("POST", "/cameras/NOPE/freeze");
        assertThat(unknownCamera.statusCode()).isEqualTo(404);
        assertThat(unknownCamera.body()).contains("no simulated camera 'NOPE'");
        HttpResponse<String> unknownFault = call("POST", "/cameras/CAM-1/explode");
        assertThat(unknownFault.statusCode()).isEqualTo(404);
        assertThat(unknownFault.body()).contains("unknown fault 'explode'").contains("freeze");
        assertThat(call("POST", "/cameras/CAM-1/offline?seconds=abc").body()).contains("whole number");
        assertThat(call("POST", "/cameras/CAM-1/offline?seconds=0").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/cameras/CAM-1/password").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/cameras/CAM-1/freeze").statusCode()).isEqualTo(405);
        assertThat(simulator.camera("CAM-1").faults().poweredOn()).isTrue();
    }
}
