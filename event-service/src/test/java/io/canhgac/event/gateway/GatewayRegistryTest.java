package io.canhgac.event.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Gateways registered and revoked by an admin over the API, each delivering with its own token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=built-in-token",
        "canhgac.accounts.demo=true"})
class GatewayRegistryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private WebSession admin;
    private String base;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + port;
        admin = WebSession.login(base, "admin", "admin-demo");
        jdbc.update("DELETE FROM alert_note");
        jdbc.update("DELETE FROM alert");
        jdbc.update("DELETE FROM camera_event");
        jdbc.update("DELETE FROM gateway WHERE name <> 'district'");
        jdbc.update("DELETE FROM audit_log WHERE action LIKE 'GATEWAY%'");
    }

    private HttpResponse<String> deliver(String token, String cameraId) throws Exception {
        String batch = """
                [{"id":"%s","cameraId":"%s","type":"MOTION_START","occurredAt":"2026-11-22T01:00:00Z","score":0.1}]"""
                .formatted(UUID.randomUUID(), cameraId);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/events"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode register(String name) throws Exception {
        HttpResponse<String> r = admin.send("POST", "/api/gateways", "{\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    @Test
    void aRegisteredGatewayDeliversWithItsOwnTokenWhichIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        JsonNode registered = register("thon-3-gateway");
        String token = registered.get("token").asText();
        UUID id = UUID.fromString(registered.at("/gateway/id").asText());
        assertThat(token).startsWith("cgw_").hasSizeGreaterThan(40);
        assertThat(registered.at("/gateway/enabled").asBoolean()).isTrue();

        String stored = jdbc.queryForObject("SELECT token_sha256 FROM gateway WHERE id = ?", String.class, id);
        assertThat(stored).isEqualTo(GatewayTokens.sha256Hex(token)).doesNotContain(token.substring(4));
        String listed = admin.get("/api/gateways").body();
        assertThat(listed).contains("thon-3-gateway").contains("district").doesNotContain(token).doesNotContain(stored);

        HttpResponse<String> delivered = deliver(token, "QL-01");
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT gateway_id FROM camera_event", UUID.class)).isEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT last_seen_at IS NOT NULL FROM gateway WHERE id = ?", Boolean.class, id)).isTrue();

        assertThat(admin.send("POST", "/api/gateways", "{\"name\":\"thon-3-gateway\"}").statusCode()).isEqualTo(409);
        assertThat(admin.send("POST", "/api/gateways", "{\"name\":\"Bad Name!\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aRevokedGatewayIsRefusedFromItsNextRequestAndOthersAreNot() throws Exception {
        String first = register("gw-first").get("token").asText();
        JsonNode second = register("gw-second");
        String secondToken = second.get("token").asText();
        assertThat(deliver(secondToken, "QL-01").statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = admin.send("POST", "/api/gateways/" + second.at("/gateway/id").asText() + "/revoke", null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json.readTree(revoked.body()).get("enabled").asBoolean()).isFalse();
        assertThat(json.readTree(revoked.body()).get("revokedBy").asText()).isEqualTo("admin");

        HttpResponse<String> refused = deliver(secondToken, "QL-01");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(deliver(first, "QL-02").statusCode()).isEqualTo(200);
        assertThat(deliver("built-in-token", "QL-03").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera_event", Integer.class)).isEqualTo(3);

        // revoking twice changes nothing and is audited once; an unknown id is a 404
        assertThat(admin.send("POST", "/api/gateways/" + second.at("/gateway/id").asText() + "/revoke", null).statusCode()).isEqualTo(200);
        assertThat(admin.send("POST", "/api/gateways/" + UUID.randomUUID() + "/revoke", null).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForList("SELECT action || ' ' || target || ' ' || username FROM audit_log WHERE action LIKE 'GATEWAY%' ORDER BY id",
                String.class)).containsExactly("GATEWAY_REGISTERED gateway gw-first admin", "GATEWAY_REGISTERED gateway gw-second admin",
                "GATEWAY_REVOKED gateway gw-second admin");
    }

    @Test
    void theConfiguredIngestTokenIsTheBuiltInGatewayDistrict() throws Exception {
        assertThat(jdbc.queryForObject("SELECT token_sha256 FROM gateway WHERE name = 'district' AND enabled", String.class))
                .isEqualTo(GatewayTokens.sha256Hex("built-in-token"));
        assertThat(deliver("built-in-token", "QL-01").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT g.name FROM camera_event e JOIN gateway g ON g.id = e.gateway_id", String.class))
                .isEqualTo("district");
        assertThat(deliver("built-in-token-not", "QL-01").statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAdminsManageGateways() throws Exception {
        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        assertThat(operator.get("/api/gateways").statusCode()).isEqualTo(403);
        assertThat(operator.send("POST", "/api/gateways", "{\"name\":\"sneaky\"}").statusCode()).isEqualTo(403);
        assertThat(WebSession.anonymous(base).get("/api/gateways").statusCode()).isEqualTo(401);
        // a gateway's token opens ingest, not the admin API
        HttpResponse<String> asGateway = http.send(HttpRequest.newBuilder(URI.create(base + "/api/gateways"))
                .header("Authorization", "Bearer built-in-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asGateway.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway WHERE name = 'sneaky'", Integer.class)).isZero();
    }
}
