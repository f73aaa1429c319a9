package io.canhgac.simulator.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.scene.SceneScript;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * The fault control routes' tests: one small simulated camera, CAM-1 (one scene for all, so it is
 * encoded once into the scene cache), and plain HTTP calls to a control server.
 */
abstract class FaultControlTestBase {

    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    static CameraSimulator oneCamera(String password, boolean authentication) throws Exception {
        SceneScript scene = new SceneScript("control", 160, 96, 5, 2, 1.0, 8, List.of());
        DistrictInventory inventory = new DistrictInventory("t", "Asia/Ho_Chi_Minh", List.of(new Commune("c", "C")), List.of(
                new CameraSpec("CAM-1", "one", "c", null, null, null, null, null, false, "admin", password, "s", 0, null)));
        return CameraSimulator.start(inventory,
                SimulatorOptions.forTests(Path.of("target/scene-cache"), n -> scene).withAuthentication(authentication));
    }

    static HttpResponse<String> call(FaultControlServer server, String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
