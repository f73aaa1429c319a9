package io.canhgac.event.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import io.canhgac.event.security.WalkedCentre;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAPI document and the Prometheus endpoint, in the route walks' centre ({@link WalkedCentre}):
 * RouteWalkTest walks both routes for every caller, and the two share one application context.
 */
class EcosystemApiTest extends WalkedCentre {

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM alert_note");
        jdbc.update("DELETE FROM alert");
        jdbc.update("DELETE FROM camera_event");
        jdbc.update("UPDATE camera SET status = 'UNKNOWN', status_reason = NULL, status_since = NULL");
    }

    @Test
    void openApiDocumentDescribesTheMainRoutesForSignedInUsers() throws Exception {
        assertThat(WebSession.anonymous(base).get("/v3/api-docs").statusCode()).as("not signed in").isEqualTo(401);

        HttpResponse<String> answer = WebSession.login(base, "que-loc", "que-loc-demo").get("/v3/api-docs");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode doc = json.readTree(answer.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.get("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("/api/cameras", "/api/events", "/api/alerts", "/api/alerts/{id}",
                "/api/alerts/{id}/acknowledge", "/api/alerts/{id}/false-positive", "/api/alerts/{id}/notes",
                "/api/alerts/stream", "/api/ingest/events", "/api/me", "/api/audit");
        assertThat(names).as("actuator and the error page are not the API").noneMatch(p -> p.startsWith("/actuator") || p.equals("/error"));

        JsonNode ingest = paths.get("/api/ingest/events").get("post");
        assertThat(ingest).as("ingest is a POST").isNotNull();
        assertThat(ingest.get("security").toString()).contains(OpenApiConfiguration.GATEWAY_TOKEN);
        assertThat(paths.get("/api/cameras").get("get").get("security").toString()).contains(OpenApiConfiguration.SESSION);
        assertThat(paths.get("/api/events").get("get").get("parameters").toString()).contains("\"camera\"", "\"from\"", "\"limit\"");
        assertThat(doc.at("/components/securitySchemes/gatewayToken/scheme").asText()).isEqualTo("bearer");
        // the signed-in user is the server's business, not a parameter of the API
        assertThat(paths.get("/api/alerts").get("get").get("parameters").toString()).doesNotContain("\"user\"");

        HttpResponse<String> yaml = WebSession.login(base, "operator", "operator-demo").get("/v3/api-docs.yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).contains("/api/ingest/events:");
    }

    @Test
    void prometheusNeedsTheScrapeTokenAndNothingElseOpensIt() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("test-token").statusCode()).as("the gateways' token").isEqualTo(401);
        assertThat(scrape(SCRAPE_TOKEN + "x").statusCode()).isEqualTo(401);
        HttpResponse<String> asAdmin = WebSession.login(base, "admin", "admin-demo").get("/actuator/prometheus");
        assertThat(asAdmin.statusCode()).as("an admin's session").isEqualTo(401);
        HttpResponse<String> ok = scrape(SCRAPE_TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(ok.body()).contains("jvm_memory_used_bytes", "canhgac_cameras{status=\"UNKNOWN\"}");
    }

    @Test
    void ownMetricsMoveWithIngestAlertsCamerasAndStreams() throws Exception {
        String before = scrape(SCRAPE_TOKEN).body();
        double cameras = value(before, "canhgac_cameras", "status=\"UNKNOWN\"");
        assertThat(cameras).as("the demo district, all unknown after the reset").isEqualTo(46);

        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(event("QL-0" + (i + 1), "MOTION_START", null));
        }
        batch.add(event("QL-01", "MOTION_END", null));
        batch.add(event("PN-01", "CAMERA_OFFLINE", "OFFLINE"));
        String body = "[" + String.join(",", batch) + "]";
        assertThat(ingest(body).statusCode()).isEqualTo(200);
        assertThat(ingest(body).statusCode()).as("re-delivered: duplicates count nothing").isEqualTo(200);

        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        String after = scrape(SCRAPE_TOKEN).body();
        assertThat(delta(before, after, "canhgac_events_ingested_total", "type=\"MOTION_START\"")).isEqualTo(3);
        assertThat(delta(before, after, "canhgac_events_ingested_total", "type=\"MOTION_END\"")).isEqualTo(1);
        assertThat(delta(before, after, "canhgac_events_ingested_total", "type=\"CAMERA_OFFLINE\"")).isEqualTo(1);
        assertThat(delta(before, after, "canhgac_alerts_raised_total", "kind=\"MOTION_START\"")).isEqualTo(3);
        assertThat(delta(before, after, "canhgac_alerts_raised_total", "kind=\"CAMERA_OFFLINE\"")).isEqualTo(1);
        assertThat(value(after, "canhgac_alerts_open", null)).isEqualTo(4);
        assertThat(value(after, "canhgac_cameras", "status=\"OFFLINE\"")).isEqualTo(1);
        assertThat(value(after, "canhgac_cameras", "status=\"UNKNOWN\"")).isEqualTo(45);

        // one more browser on the stream. Streams other tests closed leave only when a write to them
        // fails (the next event or heartbeat), which may fall in between: then measure again.
        boolean counted = false;
        for (int attempt = 0; attempt < 3 && !counted; attempt++) {
            double streams = value(scrape(SCRAPE_TOKEN).body(), "canhgac_sse_clients", null);
            try (SseTestClient stream = operator.sse("/api/alerts/stream")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !stream.received("hello").isEmpty());
                counted = value(scrape(SCRAPE_TOKEN).body(), "canhgac_sse_clients", null) == streams + 1;
            }
        }
        assertThat(counted).as("canhgac_sse_clients counts an open stream").isTrue();

        // the desk handles one: it is no longer open
        String alert = json.readTree(operator.get("/api/alerts?state=OPEN&limit=1").body()).get(0).get("id").asText();
        assertThat(operator.send("POST", "/api/alerts/" + alert + "/acknowledge", null).statusCode()).isEqualTo(200);
        assertThat(value(scrape(SCRAPE_TOKEN).body(), "canhgac_alerts_open", null)).isEqualTo(3);
    }

    private static String event(String camera, String type, String status) {
        return """
                {"id":"%s","cameraId":"%s","type":"%s","occurredAt":"2026-11-22T01:00:00Z"%s}""".formatted(UUID.randomUUID(), camera, type,
                status == null ? ",\"score\":0.1" : ",\"status\":\"" + status + "\"");
    }

    private HttpResponse<String> ingest(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/events")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer test-token").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> scrape(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double delta(String before, String after, String name, String label) {
        return value(after, name, label) - value(before, name, label);
    }

    /** The sample's value in Prometheus's text format; fails when the series is missing. */
    static double value(String exposition, String name, String label) {
        String series = Pattern.quote(name) + (label == null ? "" : "\\{[^}]*" + Pattern.quote(label) + "[^}]*}");
        Matcher m = Pattern.compile("(?m)^" + series + " ([-0-9.eE+]+)").matcher(exposition);
        assertThat(m.find()).as(name + " " + label + " in the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
