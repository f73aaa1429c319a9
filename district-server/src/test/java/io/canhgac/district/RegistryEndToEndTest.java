package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.event.WebSession;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.rtsp.StreamBroadcaster;
import io.canhgac.simulator.scene.SceneScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4's path on the whole demo district (46 simulated ONVIF cameras, each on its own loopback
 * address): a technician's discovery sweeps find every camera, onboarding registers each one, the
 * gateway follows the registry, a camera that loses power raises an offline alert within one poll
 * interval plus backoff, its return clears it, a covered lens's own ONVIF tamper event becomes an
 * alert, and a changed password shows UNAUTHORIZED.
 */
@SpringBootTest(classes = DistrictServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "canhgac.database.embedded.data-dir=",
                "canhgac.accounts.demo=true",
                "canhgac.simulator.per-camera-addresses=true",
                "canhgac.simulator.rtsp-port=0",
                "canhgac.simulator.onvif-port=0",
                "canhgac.simulator.main-streams=false",
                "canhgac.simulator.control-port=-1",
                "canhgac.simulator.scene-cache=target/scene-cache",
                "canhgac.gateway.register-inventory=false",
                // the machine running the tests may be busy: answers get more time than on a quiet network
                "canhgac.gateway.sweep-answer-wait=3s",
                "canhgac.gateway.health.interval=2s",
                "canhgac.gateway.health.retry-initial=1s",
                "canhgac.gateway.health.retry-max=2s",
                "canhgac.gateway.health.confirmations=2"})
@Import(RegistryEndToEndTest.OneScene.class)
@Timeout(300)
class RegistryEndToEndTest {

    /** Detection: the poll interval, then two confirming checks at the capped backoff, plus a second's slack. */
    static final Duration OFFLINE_DETECTION_BOUND = Duration.ofSeconds(2 + 2 * 2 + 1);
    /** Delivery to the desk on top, generous: the machine running the tests may be busy. */
    static final Duration OFFLINE_ALERT_BOUND = OFFLINE_DETECTION_BOUND.plusSeconds(10);

    /** Every camera plays one quiet scene: the test is about the registry, and one scene encodes once. */
    @TestConfiguration
    static class OneScene {
        @Bean
        Function<String, SceneScript> sceneCatalog() {
            SceneScript idle = new SceneScript("registry-e2e-idle", 640, 360, 10, 12, 2.0, 7, List.of());
            return name -> idle;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    SimulatorLifecycle simulator;
    @Autowired
    DistrictInventory inventory;
    @Autowired
    ObjectMapper json;

    private JsonNode read(WebSession session, String path) throws Exception {
        HttpResponse<String> r = session.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** One sweep per commune network, as a technician would run them: 127.0.10.x, 127.0.20.x, ... */
    private Map<String, String> sweepRanges() {
        Map<String, List<Integer>> lastOctets = new TreeMap<>();
        for (CameraSpec c : inventory.cameras()) {
            String[] octets = c.host().split("\\.");
            lastOctets.computeIfAbsent(octets[0] + "." + octets[1] + "." + octets[2], k -> new ArrayList<>())
                    .add(Integer.parseInt(octets[3]));
        }
        Map<String, String> ranges = new TreeMap<>();
        lastOctets.forEach((net, last) -> ranges.put(net, net + ".1-" + net + "." + (last.stream().max(Integer::compare).orElseThrow() + 5)));
        return ranges;
    }

    @Test
    void discoverOnboardThenOfflineAlertClearsAndAChangedPasswordShowsUnauthorized() throws Exception {
        String base = "http://127.0.0.1:" + port;
        WebSession technician = WebSession.login(base, "technician", "technician-demo");
        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        assertThat(inventory.cameras()).hasSize(46);

        // 1. discovery: every camera once, from unicast sweeps of the commune networks
        List<String> sweeps = new ArrayList<>();
        for (String range : sweepRanges().values()) {
            HttpResponse<String> r = technician.send("POST", "/api/discovery/sweeps", "{\"range\":\"" + range + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            sweeps.add(json.readTree(r.body()).get("id").asText());
        }
        Map<String, JsonNode> found = new HashMap<>();
        for (String id : sweeps) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !read(technician, "/api/discovery/sweeps/" + id)
                    .get("state").asText().equals("RUNNING"));
            JsonNode sweep = read(technician, "/api/discovery/sweeps/" + id);
            assertThat(sweep.get("state").asText()).as(sweep.toString()).isEqualTo("DONE");
            assertThat(sweep.get("done").asInt()).isEqualTo(sweep.get("total").asInt());
            sweep.get("devices").forEach(d -> found.put(d.get("endpointReference").asText(), d));
        }
        Map<String, CameraSpec> byHost = inventory.cameras().stream().collect(Collectors.toMap(CameraSpec::host, c -> c));
        assertThat(found).hasSize(46);
        assertThat(found.values()).extracting(d -> d.get("address").asText()).containsExactlyInAnyOrderElementsOf(byHost.keySet());
        for (JsonNode d : found.values()) {
            assertThat(d.get("name").asText()).isEqualTo(byHost.get(d.get("address").asText()).name());
        }

        // 2. onboarding: each found camera with its account, into its inventory record
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (JsonNode d : found.values()) {
            CameraSpec spec = byHost.get(d.get("address").asText());
            String body = json.writeValueAsString(Map.of("address", d.get("deviceService").asText(),
                    "username", spec.username(), "password", spec.password(), "cameraId", spec.id()));
            answers.add(pool.submit(() -> technician.send("POST", "/api/cameras/onboard", body)));
        }
        for (Future<HttpResponse<String>> a : answers) {
            assertThat(a.get().statusCode()).as(a.get().body()).isEqualTo(201);
        }
        pool.shutdown();
        JsonNode registry = read(technician, "/api/cameras");
        assertThat(registry).hasSize(46);
        for (JsonNode camera : registry) {
            JsonNode reg = camera.get("registration");
            assertThat(reg.isNull()).as(camera.get("id").asText()).isFalse();
            assertThat(reg.get("subStream").asText()).startsWith("rtsp://" + simulatedHost(camera.get("id").asText()));
            assertThat(reg.get("passwordStored").asBoolean()).isTrue();
            assertThat(reg.get("ptz").asBoolean()).isEqualTo(inventory.cameras().stream()
                    .filter(c -> c.id().equals(camera.get("id").asText())).findFirst().orElseThrow().ptz());
        }

        // 3. the gateway follows the registry: every camera online
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                read(operator, "/api/cameras").findValuesAsText("status").stream().allMatch("ONLINE"::equals));

        // 4. a camera loses power: an offline alert within one poll interval plus backoff; back on, it clears
        String victim = inventory.cameras().get(7).id();
        SimulatedCamera camera = simulator.simulator().camera(victim);
        Instant cut = Instant.now();
        camera.powerOff();
        await().atMost(OFFLINE_ALERT_BOUND).pollInterval(Duration.ofMillis(200)).until(() -> openOfflineAlert(operator, victim) != null);
        Duration took = Duration.between(cut, Instant.now());
        JsonNode alert = openOfflineAlert(operator, victim);
        Duration detected = Duration.between(cut, Instant.parse(alert.get("raisedAt").asText()));
        System.out.printf("offline alert for %s: detected %d ms, on the desk %d ms after its power was cut%n",
                victim, detected.toMillis(), took.toMillis());
        assertThat(detected).isLessThanOrEqualTo(OFFLINE_DETECTION_BOUND);
        assertThat(read(operator, "/api/cameras/" + victim).get("status").asText()).isEqualTo("OFFLINE");

        camera.powerOn();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                read(operator, "/api/alerts/" + alert.get("id").asText()).get("alert").get("state").asText().equals("CLEARED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> read(operator, "/api/cameras/" + victim).get("status").asText().equals("ONLINE"));

        // 5. someone covers a lens: the camera's own tamper event, pulled over ONVIF, is an alert
        String covered = inventory.cameras().get(30).id();
        simulator.simulator().camera(covered).setPicture(StreamBroadcaster.Picture.COVERED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode a : read(operator, "/api/alerts?state=OPEN")) {
                if (a.get("cameraId").asText().equals(covered) && a.get("kind").asText().equals("CAMERA_TAMPER_START")) {
                    return true;
                }
            }
            return false;
        });
        simulator.simulator().camera(covered).setPicture(StreamBroadcaster.Picture.LIVE);

        // 6. someone changes a camera's password: UNAUTHORIZED, and why
        String changed = inventory.cameras().get(20).id();
        simulator.simulator().camera(changed).changePassword("someone-else-1");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                read(operator, "/api/cameras/" + changed).get("status").asText().equals("UNAUTHORIZED"));
        // the stream is refused at its next opening, ONVIF at its next check: either says why
        assertThat(read(operator, "/api/cameras/" + changed).get("statusReason").asText())
                .containsAnyOf("refused the credentials", "not authorized", "NotAuthorized");
        // the rest of the district is untouched (the covered camera may still be relearning its picture)
        assertThat(read(operator, "/api/cameras").findValuesAsText("status").stream().filter("ONLINE"::equals).count())
                .isGreaterThanOrEqualTo(44);
    }

    private String simulatedHost(String cameraId) {
        return simulator.simulator().camera(cameraId).rtspAddress().getHostString();
    }

    private JsonNode openOfflineAlert(WebSession operator, String cameraId) throws Exception {
        for (JsonNode a : read(operator, "/api/alerts?state=OPEN")) {
            if (a.get("cameraId").asText().equals(cameraId) && a.get("kind").asText().equals("CAMERA_OFFLINE")) {
                return a;
            }
        }
        return null;
    }
}
