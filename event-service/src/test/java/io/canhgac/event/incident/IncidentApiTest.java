package io.canhgac.event.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import io.canhgac.event.user.CommuneScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.canhgac.event.EventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "canhgac.media.dir=target/test-media")
class IncidentApiTest extends CentreApiTest {

    @Autowired
    IncidentRepository repository;

    private WebSession operator;
    private WebSession queLoc;

    @BeforeEach
    @AfterEach
    void clean() {
        EventFixtures.clearEvents(jdbc);
        jdbc.update("DELETE FROM audit_log WHERE action LIKE 'INCIDENT%'");
    }

    @BeforeEach
    void signIn() {
        operator = signIn("operator");
        queLoc = signIn("que-loc");
    }

    /** Raises one alert per camera (motion) and answers their ids in the same order. */
    private List<String> alerts(String... cameras) {
        List<String> events = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (String camera : cameras) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            events.add(event(id, camera, "MOTION_START", "2026-11-22T01:00:00Z", ",\"score\":0.2"));
        }
        EventFixtures.ingest(base, "test-token", events.toArray(String[]::new));
        return ids.stream().map(e -> jdbc.queryForObject("SELECT id::text FROM alert WHERE event_id = ?", String.class, e)).toList();
    }

    private JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    private JsonNode open(String title, String... alertIds) throws Exception {
        String ids = String.join("\",\"", alertIds);
        return ok(operator.send("POST", "/api/incidents", "{\"title\":\"" + title + "\",\"alertIds\":[\"" + ids + "\"]}"), 201);
    }

    @Test
    void anIncidentIsOpenedFromAlertsWorkedThroughItsStatusesAndEveryChangeIsInTheTimelineAndTheAuditLog() throws Exception {
        List<String> alert = alerts("QL-01", "QL-02", "QL-03");
        String body = "{\"title\":\"Người lạ ở sân vận động\",\"alertIds\":[\"" + alert.get(0) + "\"],\"note\":\"gọi công an xã\"}";
        assertThat(queLoc.send("POST", "/api/incidents", body).statusCode()).as("a commune head does not open incidents").isEqualTo(403);
        assertThat(operator.send("POST", "/api/incidents", "{\"title\":\"x\",\"alertIds\":[]}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = operator.send("POST", "/api/incidents", "{\"title\":\"x\",\"alertIds\":[\"" + UUID.randomUUID() + "\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no such alert");

        JsonNode opened = ok(operator.send("POST", "/api/incidents", body), 201);
        String id = opened.at("/incident/id").asText();
        assertThat(opened.at("/incident/status").asText()).isEqualTo("OPEN");
        assertThat(opened.at("/incident/openedBy").asText()).isEqualTo("operator");
        assertThat(opened.at("/incident/communeIds").toString()).isEqualTo("[\"que-loc\"]");
        assertThat(opened.at("/alerts/0/alertId").asText()).isEqualTo(alert.get(0));
        assertThat(opened.at("/alerts/0/cameraId").asText()).isEqualTo("QL-01");
        assertThat(kinds(opened)).containsExactly("EVENT", "OPENED", "ALERT_LINKED", "NOTE");
        assertThat(opened.at("/timeline/3/detail").asText()).isEqualTo("gọi công an xã");

        // an alert already worked in this incident cannot start another one
        HttpResponse<String> taken = operator.send("POST", "/api/incidents", body);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains(id);

        String more = "{\"alertIds\":[\"" + alert.get(1) + "\",\"" + alert.get(2) + "\"]}";
        JsonNode linked = ok(operator.send("POST", "/api/incidents/" + id + "/alerts", more), 200);
        assertThat(linked.at("/incident/alerts").asInt()).isEqualTo(3);
        assertThat(linked.get("alerts").findValuesAsText("cameraId")).containsExactly("QL-01", "QL-02", "QL-03");
        ok(operator.send("POST", "/api/incidents/" + id + "/alerts", more), 200); // retried: nothing new

        assertThat(operator.send("POST", "/api/incidents/" + id + "/assignee", "{\"assignee\":\"que-loc\"}").statusCode())
                .as("a commune head is not assignable").isEqualTo(400);
        assertThat(operator.send("POST", "/api/incidents/" + id + "/assignee", "{\"assignee\":\"nobody\"}").statusCode()).isEqualTo(400);
        assertThat(ok(operator.send("POST", "/api/incidents/" + id + "/assignee", "{\"assignee\":\"admin\"}"), 200)
                .at("/incident/assignee").asText()).isEqualTo("admin");

        assertThat(status(id, "INVESTIGATING").statusCode()).isEqualTo(200);
        HttpResponse<String> backwards = status(id, "OPEN");
        assertThat(backwards.statusCode()).isEqualTo(409);
        assertThat(backwards.body()).contains("INVESTIGATING cannot become OPEN");
        assertThat(status(id, "RESOLVED").statusCode()).isEqualTo(200);
        assertThat(status(id, "INVESTIGATING").statusCode()).as("reopened").isEqualTo(200);
        assertThat(status(id, "BOGUS").statusCode()).isEqualTo(400);
        ok(operator.send("POST", "/api/incidents/" + id + "/notes", "{\"text\":\"đã xác minh, kẻ trộm bỏ chạy\"}"), 200);
        JsonNode closed = ok(status(id, "CLOSED"), 200);
        assertThat(closed.at("/incident/status").asText()).isEqualTo("CLOSED");

        // closed is final
        assertThat(status(id, "INVESTIGATING").statusCode()).isEqualTo(409);
        assertThat(operator.send("POST", "/api/incidents/" + id + "/notes", "{\"text\":\"muộn\"}").statusCode()).isEqualTo(409);
        assertThat(operator.send("POST", "/api/incidents/" + id + "/assignee", "{\"assignee\":\"operator\"}").statusCode()).isEqualTo(409);

        JsonNode detail = ok(queLoc.get("/api/incidents/" + id), 200);
        List<String> people = new ArrayList<>();
        for (JsonNode line : detail.get("timeline")) {
            if (line.hasNonNull("username")) {
                people.add(line.get("kind").asText() + " " + line.get("detail").asText());
            }
        }
        assertThat(people).containsExactly(
                "OPENED Người lạ ở sân vận động",
                "ALERT_LINKED MOTION_START on QL-01 (Sân vận động xã, Quế Lộc)",
                "NOTE gọi công an xã",
                "ALERT_LINKED MOTION_START on QL-02 (Trường THCS, Quế Lộc)",
                "ALERT_LINKED MOTION_START on QL-03 (Cầu tràn, Quế Lộc)",
                "ASSIGNED admin",
                "STATUS_CHANGED OPEN -> INVESTIGATING",
                "STATUS_CHANGED INVESTIGATING -> RESOLVED",
                "STATUS_CHANGED RESOLVED -> INVESTIGATING",
                "NOTE đã xác minh, kẻ trộm bỏ chạy",
                "STATUS_CHANGED INVESTIGATING -> CLOSED");
        assertThat(detail.get("timeline").findValuesAsText("kind").stream().filter("EVENT"::equals)).hasSize(3);
        List<String> at = detail.get("timeline").findValuesAsText("at");
        assertThat(at).isSortedAccordingTo(String::compareTo);

        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target = ? ORDER BY id", String.class, "incident " + id))
                .containsExactly("INCIDENT_OPENED", "INCIDENT_ALERTS_LINKED", "INCIDENT_ASSIGNED", "INCIDENT_STATUS_CHANGED",
                        "INCIDENT_STATUS_CHANGED", "INCIDENT_STATUS_CHANGED", "INCIDENT_NOTE", "INCIDENT_STATUS_CHANGED");
        assertThat(jdbc.queryForList("SELECT DISTINCT username FROM audit_log WHERE target = ?", String.class, "incident " + id))
                .containsExactly("operator");
    }

    @Test
    void aCommuneHeadSeesOnlyIncidentsOfTheirCommuneAndOnlyTheirCommunesPartOfThem() throws Exception {
        List<String> alert = alerts("QL-01", "SV-01", "SV-02");
        String shared = open("Xe máy bị trộm, chạy qua hai xã", alert.get(0), alert.get(1)).at("/incident/id").asText();
        String sonVienOnly = open("Cháy rẫy", alert.get(2)).at("/incident/id").asText();

        JsonNode all = ok(operator.get("/api/incidents"), 200);
        assertThat(all.findValuesAsText("id")).containsExactly(sonVienOnly, shared);
        assertThat(all.get(1).get("communeIds").toString()).isEqualTo("[\"que-loc\",\"son-vien\"]");

        JsonNode mine = ok(queLoc.get("/api/incidents"), 200);
        assertThat(mine.findValuesAsText("id")).containsExactly(shared);
        assertThat(mine.get(0).get("communeIds").toString()).as("the other commune is not named").isEqualTo("[\"que-loc\"]");
        assertThat(mine.get(0).get("alerts").asInt()).isEqualTo(1);
        JsonNode detail = ok(queLoc.get("/api/incidents/" + shared), 200);
        assertThat(detail.get("alerts").findValuesAsText("cameraId")).containsExactly("QL-01");
        assertThat(detail.toString()).doesNotContain(alert.get(1)).doesNotContain("SV-01");
        assertThat(queLoc.get("/api/incidents/" + sonVienOnly).statusCode()).as("absent, not forbidden").isEqualTo(404);
        assertThat(queLoc.get("/api/incidents/" + sonVienOnly + "/evidence.zip").statusCode()).isEqualTo(404);
        assertThat(queLoc.send("POST", "/api/incidents/" + shared + "/notes", "{\"text\":\"x\"}").statusCode()).isEqualTo(403);

        WebSession sonVien = signIn("son-vien");
        assertThat(ok(sonVien.get("/api/incidents"), 200).findValuesAsText("id")).containsExactly(sonVienOnly, shared);
        WebSession phuocNinh = signIn("phuoc-ninh");
        assertThat(ok(phuocNinh.get("/api/incidents"), 200)).isEmpty();
        assertThat(phuocNinh.get("/api/incidents/" + shared).statusCode()).isEqualTo(404);

        ok(operator.send("POST", "/api/incidents/" + sonVienOnly + "/status", "{\"status\":\"INVESTIGATING\"}"), 200);
        assertThat(ok(operator.get("/api/incidents?status=INVESTIGATING"), 200).findValuesAsText("id")).containsExactly(sonVienOnly);
        assertThat(ok(queLoc.get("/api/incidents?status=INVESTIGATING"), 200)).isEmpty();
    }

    @Test
    void theScopeIsEnforcedInTheQueriesThemselves() {
        List<String> alert = alerts("QL-01", "SV-01");
        UUID incident = UUID.randomUUID();
        repository.insert(incident, "ghi thẳng vào kho", "operator");
        repository.link(incident, UUID.fromString(alert.get(0)), "operator");
        repository.link(incident, UUID.fromString(alert.get(1)), "operator");

        assertThat(repository.find(CommuneScope.REGION, null, null, 10)).extracting(IncidentView::id).containsExactly(incident);
        assertThat(repository.find(CommuneScope.only("phuoc-ninh"), null, null, 10)).isEmpty();
        assertThat(repository.find(CommuneScope.only("phuoc-ninh"), incident)).isEmpty();
        assertThat(repository.find(new CommuneScope(false, Set.of()), null, null, 10)).as("no commune: nothing").isEmpty();
        assertThat(repository.find(CommuneScope.only("que-loc"), incident).orElseThrow().communeIds()).containsExactly("que-loc");
        assertThat(repository.alerts(CommuneScope.only("son-vien"), incident)).extracting(LinkedAlert::cameraId).containsExactly("SV-01");
        assertThat(repository.alerts(CommuneScope.REGION, incident)).extracting(LinkedAlert::cameraId).containsExactly("QL-01", "SV-01");
    }

    private HttpResponse<String> status(String id, String status) {
        return operator.send("POST", "/api/incidents/" + id + "/status", "{\"status\":\"" + status + "\"}");
    }

    private static List<String> kinds(JsonNode detail) {
        return detail.get("timeline").findValuesAsText("kind");
    }
}
