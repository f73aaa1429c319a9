package io.canhgac.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.scene.SceneScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FaultControlServerTest {

    static CameraSimulator simulator;
    static FaultControlServer control;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        SceneScript scene = new SceneScript("control", 160, 96, 5, 2, 1.0, 8, List.of());
        DistrictInventory inventory = new DistrictInventory("t", "Asia/Ho_Chi_Minh", List.of(new Commune("c", "C")), List.of(
                new CameraSpec("CAM-1", "one", "c", null, null, null, null, null, false, "admin", "old-pass", "s", 0, null)));
        simulator = CameraSimulator.start(inventory,
                SimulatorOptions.forTests(Path.of("target/scene-cache"), n -> scene).withAuthentication(true));
        control = FaultControlServer.start(simulator, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        control.close();
        simulator.close();
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + control.address().getPort() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
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
