package io.canhgac.event.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.live.LiveTicket;
import io.canhgac.contract.live.LiveTicketSigner;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=test-token",
        "canhgac.accounts.demo=true",
        "canhgac.live.secret=a-live-secret-of-thirty-two-chars!!",
        "canhgac.live.port=18081"})
class LiveTicketApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTicketOpensOneStreamOfACameraTheCallerMaySeeAndIsAudited() throws Exception {
        String base = "http://127.0.0.1:" + port;
        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        HttpResponse<String> r = operator.send("POST", "/api/live/tickets", "{\"cameraId\":\"QL-01\",\"stream\":\"sub\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        URI url = URI.create(body.get("url").asText());
        assertThat(url.getScheme()).isEqualTo("ws");
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isEqualTo(18081);
        assertThat(url.getPath()).isEqualTo("/live/QL-01/sub");
        assertThat(body.get("snapshotUrl").asText()).startsWith("http://127.0.0.1:18081/snapshot/QL-01/sub?ticket=");

        String token = URLDecoder.decode(url.getQuery().substring("ticket=".length()), StandardCharsets.UTF_8);
        LiveTicket ticket = new LiveTicketSigner("a-live-secret-of-thirty-two-chars!!".getBytes(StandardCharsets.UTF_8))
                .open(token).orElseThrow();
        assertThat(ticket.cameraId()).isEqualTo("QL-01");
        assertThat(ticket.stream()).isEqualTo("sub");
        assertThat(ticket.user()).isEqualTo("operator");
        assertThat(ticket.expiresAt()).isBetween(Instant.now().plusSeconds(30), Instant.now().plus(Duration.ofSeconds(61)));
        assertThat(new LiveTicketSigner("another-secret-of-thirty-two-chars!".getBytes(StandardCharsets.UTF_8)).open(token)).isEmpty();

        assertThat(jdbc.queryForList("SELECT target || ' ' || detail FROM audit_log WHERE action = 'LIVE_VIEW_STARTED' "
                + "AND username = 'operator'", String.class)).contains("QL-01 sub");

        // another commune's camera does not exist for a commune head; a made-up stream is a bad request
        WebSession sonVien = WebSession.login(base, "son-vien", "son-vien-demo");
        assertThat(sonVien.send("POST", "/api/live/tickets", "{\"cameraId\":\"QL-01\",\"stream\":\"sub\"}").statusCode()).isEqualTo(404);
        assertThat(operator.send("POST", "/api/live/tickets", "{\"cameraId\":\"QL-01\",\"stream\":\"hd\"}").statusCode()).isEqualTo(400);
    }
}
