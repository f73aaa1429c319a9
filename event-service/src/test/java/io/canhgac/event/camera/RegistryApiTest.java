package io.canhgac.event.camera;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.contract.registry.DiscoveredDevice;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Discovery and onboarding through the API, against a scripted gateway; the real one is in district-server. */
@Import(RegistryApiTest.ScriptedGateway.class)
class RegistryApiTest extends CentreApiTest {

    static final String PASSWORD = "Qu\u1ebf-L\u1ed9c#2026";

    @TestConfiguration
    static class ScriptedGateway {
        static final AtomicInteger changes = new AtomicInteger();
        static final List<String> ptzCommands = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Bean
        GatewayControl gatewayControl() {
            return new GatewayControl() {
                @Override
                public List<DiscoveredDevice> sweep(String range, SweepObserver observer) throws InterruptedException {
                    for (int done = 64; done <= 192; done += 64) {
                        observer.progress(done, 254, done / 64);
                        Thread.sleep(150);
                    }
                    return List.of(device("10.9.0.11"), device("10.9.0.12"));
                }

                @Override
                public void checkRange(String range) {
                    if (!range.startsWith("10.9.")) {
                        throw new IllegalArgumentException("not an IPv4 range: " + range);
                    }
                }

                @Override
                public DeviceDescription describe(String address, String username, String password) {
                    if (!PASSWORD.equals(password)) {
                        throw new OnboardingRefusedException("BAD_CREDENTIALS", "Camera at " + address
                                + ": the camera refused the user name or password. Check the account.");
                    }
                    String host = address.replace("http://", "").replaceAll("[:/].*", "");
                    return new DeviceDescription("http://" + host + "/onvif/device_service", "Hikvision", "DS-2CD2012-I",
                            "V5.4.5", "SN-" + host, "88", "main", "rtsp://" + host + ":554/main", "sub",
                            "rtsp://" + host + ":554/sub", "http://" + host + "/snapshot.jpg", true);
                }

                @Override
                public void ptz(String cameraId, PtzCommand command) {
                    ptzCommands.add(cameraId + " " + command.action());
                }

                @Override
                public List<CameraTopic> topics(String cameraId) {
                    return List.of(new CameraTopic("tns1:RuleEngine/CellMotionDetector/Motion", true, List.of("IsMotion")));
                }

                @Override
                public CameraImaging imaging(String cameraId) {
                    return new CameraImaging(50.0, 50.0, 50.0, 50.0, "AUTO", "OFF", "OFF", "AUTO", "AUTO");
                }

                @Override
                public List<CameraPreset> presets(String cameraId) {
                    return List.of(new CameraPreset("1", "Home", 0.0, 0.0, 0.0));
                }

                @Override
                public void camerasChanged() {
                    changes.incrementAndGet();
                }
            };
        }

        static DiscoveredDevice device(String host) {
            return new DiscoveredDevice("urn:uuid:" + host, "http://" + host + "/onvif/device_service", host,
                    "Cam " + host, "Hikvision", "DS-2CD2012-I", "vn/quang-nam/nong-son", null);
        }
    }

    private WebSession technician;

    @BeforeEach
    void signIn() {
        technician = signIn("technician");
        jdbc.update("DELETE FROM camera WHERE id LIKE 'que-lam-%'");
    }

    private HttpResponse<String> onboard(WebSession who, String body) {
        return who.send("POST", "/api/cameras/onboard", body);
    }

    private static String request(String address, String password, String extra) {
        return """
                {"address":"%s","username":"admin","password":"%s"%s}""".formatted(address, password, extra);
    }

    @Test
    void onboardingStoresTheDeviceAndAnEncryptedPasswordThatOnlyGatewaysGetBack() throws Exception {
        int changesBefore = ScriptedGateway.changes.get();
        HttpResponse<String> r = onboard(technician, request("10.9.0.11", PASSWORD,
                ",\"communeId\":\"que-lam\",\"name\":\"Ch\u1ee3 Qu\u1ebf L\u00e2m\",\"latitude\":15.8,\"longitude\":108.0"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode camera = json.readTree(r.body());
        assertThat(camera.get("id").asText()).isEqualTo("que-lam-01");
        assertThat(camera.get("communeId").asText()).isEqualTo("que-lam");
        JsonNode reg = camera.get("registration");
        assertThat(reg.get("manufacturer").asText()).isEqualTo("Hikvision");
        assertThat(reg.get("serialNumber").asText()).isEqualTo("SN-10.9.0.11");
        assertThat(reg.get("subStream").asText()).isEqualTo("rtsp://10.9.0.11:554/sub");
        assertThat(reg.get("ptz").asBoolean()).isTrue();
        assertThat(reg.get("passwordStored").asBoolean()).isTrue();
        assertThat(r.body()).doesNotContain(PASSWORD);
        assertThat(ScriptedGateway.changes.get()).isGreaterThan(changesBefore);

        // at rest: ciphertext, not the password in any encoding a dump would show
        byte[] stored = jdbc.queryForObject("SELECT password_secret FROM camera WHERE id = 'que-lam-01'", byte[].class);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Qu").doesNotContain("2026");
        assertThat(stored.length).isGreaterThan(PASSWORD.getBytes(StandardCharsets.UTF_8).length + 12);
        assertThat(technician.get("/api/cameras").body()).doesNotContain(PASSWORD);

        // the gateway gets it back, decrypted, with its token
        HttpResponse<String> assigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/cameras"))
                .header("Authorization", "Bearer test-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(assigned.statusCode()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode a : json.readTree(assigned.body())) {
            if (a.get("id").asText().equals("que-lam-01")) {
                mine = a;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("password").asText()).isEqualTo(PASSWORD);
        assertThat(mine.get("deviceService").asText()).isEqualTo("http://10.9.0.11/onvif/device_service");
        // a signed-in person cannot read the gateway route
        assertThat(technician.get("/api/ingest/cameras").statusCode()).isEqualTo(401);

        // PTZ goes to the gateway; a move out of range or a preset without its token is refused
        WebSession operator = signIn("operator");
        assertThat(operator.send("POST", "/api/cameras/que-lam-01/ptz", "{\"action\":\"MOVE\",\"pan\":0.5}").statusCode())
                .isEqualTo(204);
        assertThat(ScriptedGateway.ptzCommands).contains("que-lam-01 MOVE");
        assertThat(operator.send("POST", "/api/cameras/que-lam-01/ptz", "{\"action\":\"MOVE\",\"pan\":3}").statusCode())
                .isEqualTo(400);
        assertThat(operator.send("POST", "/api/cameras/que-lam-01/ptz", "{\"action\":\"PRESET\"}").statusCode()).isEqualTo(400);
        assertThat(operator.send("POST", "/api/cameras/QL-02/ptz", "{\"action\":\"STOP\"}").statusCode()).isEqualTo(409);

        // the camera's own topic list comes from the gateway, for whoever may watch the camera
        HttpResponse<String> topics = operator.get("/api/cameras/que-lam-01/topics");
        assertThat(topics.statusCode()).as(topics.body()).isEqualTo(200);
        JsonNode motion = json.readTree(topics.body()).get(0);
        assertThat(motion.get("topic").asText()).isEqualTo("tns1:RuleEngine/CellMotionDetector/Motion");
        assertThat(motion.get("property").asBoolean()).isTrue();
        assertThat(motion.get("dataItems").get(0).asText()).isEqualTo("IsMotion");
        assertThat(operator.get("/api/cameras/no-such-camera/topics").statusCode()).isEqualTo(404);

        // onboarding the same device again updates that camera, it does not make a second one
        HttpResponse<String> again = onboard(technician, request("http://10.9.0.11:80/onvif/device_service", PASSWORD, ""));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(json.readTree(again.body()).get("id").asText()).isEqualTo("que-lam-01");
        assertThat(json.readTree(again.body()).get("name").asText()).isEqualTo("Ch\u1ee3 Qu\u1ebf L\u00e2m");
    }

    @Test
    void refusalsAndBadRequestsSayWhatIsWrongAndStoreNothing() throws Exception {
        int before = jdbc.queryForObject("SELECT count(*) FROM camera", Integer.class);

        HttpResponse<String> wrong = onboard(technician, request("10.9.0.12", "wrong", ",\"communeId\":\"que-lam\""));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(json.readTree(wrong.body()).get("problem").asText()).isEqualTo("BAD_CREDENTIALS");
        assertThat(json.readTree(wrong.body()).get("detail").asText()).contains("refused the user name or password");

        HttpResponse<String> noCommune = onboard(technician, request("10.9.0.12", PASSWORD, ""));
        assertThat(noCommune.statusCode()).isEqualTo(400);
        assertThat(noCommune.body()).contains("communeId");

        HttpResponse<String> unknownCommune = onboard(technician, request("10.9.0.12", PASSWORD, ",\"communeId\":\"atlantis\""));
        assertThat(unknownCommune.statusCode()).isEqualTo(400);
        assertThat(unknownCommune.body()).contains("atlantis");

        HttpResponse<String> noAddress = onboard(technician, "{\"username\":\"admin\",\"latitude\":123}");
        assertThat(noAddress.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noAddress.body()).get("detail").asText()).contains("address:").contains("latitude:");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera", Integer.class)).isEqualTo(before);

        // only technicians and admins onboard
        WebSession operator = signIn("operator");
        assertThat(onboard(operator, request("10.9.0.12", PASSWORD, ",\"communeId\":\"que-lam\"")).statusCode()).isEqualTo(403);
        WebSession head = signIn("que-lam");
        assertThat(onboard(head, request("10.9.0.12", PASSWORD, ",\"communeId\":\"que-lam\"")).statusCode()).isEqualTo(403);
    }

    @Test
    void aSweepReportsProgressThenItsDevicesMarkingThoseAlreadyRegistered() throws Exception {
        assertThat(onboard(technician, request("10.9.0.11", PASSWORD, ",\"communeId\":\"que-lam\"")).statusCode()).isEqualTo(201);

        assertThat(technician.send("POST", "/api/discovery/sweeps", "{\"range\":\"not a range\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> started = technician.send("POST", "/api/discovery/sweeps", "{\"range\":\"10.9.0.0/24\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = json.readTree(started.body()).get("id").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> json.readTree(technician.get("/api/discovery/sweeps/" + id).body())
                .get("done").asInt() > 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> json.readTree(technician.get("/api/discovery/sweeps/" + id).body())
                .get("state").asText().equals("DONE"));
        JsonNode done = json.readTree(technician.get("/api/discovery/sweeps/" + id).body());
        assertThat(done.get("found").asInt()).isEqualTo(2);
        assertThat(done.get("devices")).extracting(d -> d.get("address").asText() + "=" + d.get("registeredCameraId").asText())
                .containsExactly("10.9.0.11=que-lam-01", "10.9.0.12=null");
        assertThat(technician.get("/api/discovery/sweeps/no-such-sweep").statusCode()).isEqualTo(404);
        assertThat(signIn("operator").get("/api/discovery/sweeps/" + id).statusCode())
                .isEqualTo(403);
    }
}
