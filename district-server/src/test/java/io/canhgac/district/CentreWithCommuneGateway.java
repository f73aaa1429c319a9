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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The centre with no gateway in its process (the communes topology) and Quế Lộc's gateway, started in
 * the test's JVM, dialling it over its control link. One application context for every test class
 * that extends this: each gives its gateway a name of its own, and the newest takes Quế Lộc.
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
@Import(CentreWithCommuneGateway.OneScene.class)
abstract class CentreWithCommuneGateway {

    /** Fast enough for a test to see a dead link within seconds. */
    static final LinkSettings QUICK_LINK = new LinkSettings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5), 512 * 1024);

    @TestConfiguration
    static class OneScene {
        @Bean
        Function<String, SceneScript> sceneCatalog() {
            SceneScript idle = new SceneScript("link-idle", 640, 360, 10, 12, 2.0, 9, List.of());
            return name -> idle;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    GatewayLinks links;

    GatewayAssembly gateway;

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Quế Lộc's gateway, registered by the admin under {@code name} with its commune, dialling the centre with its token. */
    GatewayAssembly startQueLocGateway(WebSession admin, String name) throws Exception {
        HttpResponse<String> registered = admin.send("POST", "/api/gateways", "{\"name\":\"" + name + "\",\"communes\":[\"que-loc\"]}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode body = json.readTree(registered.body());
        assertThat(body.at("/gateway/communes").toString()).isEqualTo("[\"que-loc\"]");
        GatewayNodeSettings settings = new GatewayNodeSettings(base(), body.get("token").asText(), Duration.ofMillis(200),
                Duration.ofSeconds(1), GatewaySettings.DEFAULTS, null, HealthSettings.DEFAULTS, 2, Duration.ofMinutes(10),
                Map.of(), null, null, QUICK_LINK);
        gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS).start(settings);
        return gateway;
    }

    /** The gateway's link at the centre, once it is up and has sent its status. */
    GatewayLink awaitLink(String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> links.states().stream()
                .anyMatch(s -> s.gatewayName().equals(name) && s.status() != null));
        return links.all().stream().filter(l -> l.gateway().name().equals(name)).findFirst().orElseThrow();
    }
}
