package io.canhgac.event.ingest;

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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Motion events with their start and boxes (V9) are stored; events as older gateways send them still are. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=test-token"})
class MotionExtentIngestTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM alert_note");
        jdbc.update("DELETE FROM alert");
        jdbc.update("DELETE FROM camera_event");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/events"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer test-token")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMotionEndIsStoredWithItsStartAndBoxes() throws Exception {
        UUID id = UUID.randomUUID();
        String end = """
                [{"id":"%s","cameraId":"QL-01","type":"MOTION_END","occurredAt":"2026-11-22T01:00:09Z","score":0.031,
                  "startedAt":"2026-11-22T01:00:01.5Z",
                  "boxes":[{"x":0.25,"y":0.5,"width":0.125,"height":0.2},{"x":0.7,"y":0.1,"width":0.05,"height":0.1}]}]"""
                .formatted(id);
        HttpResponse<String> r = post(end);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT started_at, jsonb_array_length(boxes) AS n, (boxes->0->>'x')::float AS x, (boxes->1->>'height')::float AS h "
                        + "FROM camera_event WHERE id = ?", id);
        assertThat(((Timestamp) row.get("started_at")).toInstant()).isEqualTo(Instant.parse("2026-11-22T01:00:01.5Z"));
        assertThat(row.get("n")).isEqualTo(2);
        assertThat((Double) row.get("x")).isEqualTo(0.25);
        assertThat((Double) row.get("h")).isEqualTo(0.1);
    }

    @Test
    void anEventFromAnOlderGatewayWithoutTheNewFieldsIsStillStored() throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<String> r = post("""
                [{"id":"%s","cameraId":"QL-01","type":"MOTION_START","occurredAt":"2026-11-22T01:00:00Z","score":0.02}]"""
                .formatted(id));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> row = jdbc.queryForMap("SELECT started_at, boxes FROM camera_event WHERE id = ?", id);
        assertThat(row.get("started_at")).isNull();
        assertThat(row.get("boxes")).isNull();
    }

    @Test
    void boxesOutsideThePictureOrAStartAfterTheEndAreRefused() throws Exception {
        HttpResponse<String> outside = post("""
                [{"id":"%s","cameraId":"QL-01","type":"MOTION_START","occurredAt":"2026-11-22T01:00:00Z","score":0.02,
                  "boxes":[{"x":0.9,"y":0.5,"width":0.3,"height":0.2}]}]""".formatted(UUID.randomUUID()));
        assertThat(outside.statusCode()).isEqualTo(400);
        HttpResponse<String> backwards = post("""
                [{"id":"%s","cameraId":"QL-01","type":"MOTION_END","occurredAt":"2026-11-22T01:00:00Z","score":0.02,
                  "startedAt":"2026-11-22T01:00:05Z"}]""".formatted(UUID.randomUUID()));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("[0].startedAt");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera_event", Integer.class)).isZero();
    }
}
