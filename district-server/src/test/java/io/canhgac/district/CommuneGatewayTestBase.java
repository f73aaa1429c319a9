package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.WebSession;
import io.canhgac.event.link.GatewayLink;
import io.canhgac.event.link.GatewayLinks;
import io.canhgac.gateway.GatewayAssembly;
import io.canhgac.gateway.GatewayNodeSettings;
import io.canhgac.gateway.GatewaySettings;
import io.canhgac.gateway.health.HealthSettings;
import io.canhgac.gateway.link.LinkSettings;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.simulator.scene.SceneScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The centre as a district runs it with commune gateways: no gateway in its own process, every commune
 * reached through a gateway that dials its control link. Tests register a gateway as the admin does
 * and start it in the test's JVM ({@link GatewayAssembly}, as {@code GatewayMain} would), closed after
 * each test. The subclasses share one application context (one embedded PostgreSQL).
 */
@SpringBootTest(classes = DistrictServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "canhgac.database.embedded.data-dir=",
                "canhgac.accounts.demo=true",
                "canhgac.inventory=src/test/resources/link-district.yaml",
                "canhgac.simulator.per-camera-addresses=true",
                "canhgac.simulator.rtsp-port=0",
                "canhgac.simulator.onvif-port=0",
                "canhgac.simulator.main-streams=false",
                "canhgac.simulator.control-port=-1",
                "canhgac.simulator.scene-cache=target/scene-cache",
                "canhgac.gateway.enabled=false",
                "canhgac.gateway.live.linger=2s"})
@Import(CommuneGatewayTestBase.OneScene.class)
@Timeout(180)
abstract class CommuneGatewayTestBase {

    /** Fast enough for a test to see a dead link within seconds. */
    static final LinkSettings QUICK_LINK = new LinkSettings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5), 512 * 1024);
    /** Every simulated camera shows this: quick to encode, nothing moves. */
    static final SceneScript IDLE = new SceneScript("link-idle", 640, 360, 10, 12, 2.0, 9, List.of());

    @TestConfiguration
    static class OneScene {
        @Bean
        Function<String, SceneScript> sceneCatalog() {
            return name -> IDLE;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    GatewayLinks links;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void closeWhatTheTestStarted() throws Exception {
        List<AutoCloseable> lastFirst = new ArrayList<>(started);
        Collections.reverse(lastFirst);
        started.clear();
        for (AutoCloseable c : lastFirst) {
            c.close();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Closed after the test (a gateway, a simulator), last started first. */
    <T extends AutoCloseable> T closeAfter(T c) {
        started.add(c);
        return c;
    }

    /** Registers a gateway as the admin does; the answer holds its token. */
    JsonNode registerGateway(WebSession admin, String name, String... communes) throws Exception {
        String list = communes.length == 0 ? "" : ",\"communes\":[\"" + String.join("\",\"", communes) + "\"]";
        HttpResponse<String> registered = admin.send("POST", "/api/gateways", "{\"name\":\"" + name + "\"" + list + "}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return json.readTree(registered.body());
    }

    /** A commune's gateway for this centre: quick retries and link, no live server, no media. */
    GatewayNodeSettings gatewaySettings(String token) {
        return new GatewayNodeSettings(base(), token, Duration.ofMillis(200), Duration.ofSeconds(1), GatewaySettings.DEFAULTS,
                null, HealthSettings.DEFAULTS, 2, Duration.ofMinutes(10), Map.of(), null, null, QUICK_LINK);
    }

    /** Quế Lộc's gateway, registered by the admin under {@code name} with its commune, dialling the centre with its token. */
    GatewayAssembly startQueLocGateway(WebSession admin, String name) throws Exception {
        JsonNode body = registerGateway(admin, name, "que-loc");
        assertThat(body.at("/gateway/communes").toString()).isEqualTo("[\"que-loc\"]");
        return startGateway(gatewaySettings(body.get("token").asText()));
    }

    /** The gateway's link at the centre, once it is up and has sent its status. */
    GatewayLink awaitLink(String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> links.states().stream()
                .anyMatch(s -> s.gatewayName().equals(name) && s.status() != null));
        return links.all().stream().filter(l -> l.gateway().name().equals(name)).findFirst().orElseThrow();
    }

    /** Starts a gateway, closed after the test unless the test closes it first. */
    GatewayAssembly startGateway(GatewayNodeSettings settings) {
        return closeAfter(new GatewayAssembly(OnvifClientSettings.DEFAULTS).start(settings));
    }
}
