package io.canhgac.event.presence;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14.5: /actuator/health reflects the database, the gateways and the media store's disk. A gateway
 * silent past silent-after shows as SILENT in its component and makes /actuator/health/gateways 503,
 * while the centre's own health stays UP (200): a commune's link going down is not the centre failing.
 * Same properties as GatewayPresenceTest, so both share one context.
 */
class CentreHealthTest extends PresenceApiTest {

    private WebSession admin;

    @BeforeEach
    @AfterEach
    void clean() {
        admin = signIn("admin");
        PresenceFixtures.clean(jdbc);
    }

    @Test
    void healthShowsTheDatabaseTheMediaDiskAndTheGateways() throws Exception {
        JsonNode health = health("/actuator/health", 200);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mediaStore/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mediaStore/details/free").asLong()).isPositive();
        assertThat(health.at("/components/mediaStore/details/threshold").asLong()).isEqualTo(1L << 30);
        assertThat(health.at("/components/gateways/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/gateways/details/gateways/district").asText()).isNotEmpty();

        HttpResponse<String> registered = admin.send("POST", "/api/gateways", "{\"name\":\"que-loc-health\",\"communes\":[\"que-loc\"]}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        // it never dials in: silent once silent-after (2 s) has passed since its registration
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(health("/actuator/health", 200).at("/components/gateways/status").asText()).isEqualTo("SILENT"));
        JsonNode silent = health("/actuator/health", 200);
        assertThat(silent.path("status").asText()).as("the centre's own health").isEqualTo("UP");
        assertThat(silent.at("/components/gateways/details/silent/0").asText()).isEqualTo("que-loc-health");
        assertThat(silent.at("/components/gateways/details/gateways/que-loc-health").asText()).isEqualTo("NEVER_SEEN");
        JsonNode group = health("/actuator/health/gateways", 503);
        assertThat(group.path("status").asText()).isEqualTo("SILENT");

        HttpResponse<String> anonymous = WebSession.anonymous(base).get("/actuator/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json.readTree(anonymous.body()).has("components")).as("details for admins only").isFalse();
    }

    private JsonNode health(String path, int status) throws Exception {
        HttpResponse<String> r = admin.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }
}
