package io.canhgac.event.security;

import io.canhgac.event.AccountFixtures;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two districts in one centre, an operator scoped to each. As either, every API route shows nothing
 * of the other district: its lists, the other's cameras, events, alerts and incident asked by id,
 * actions on them, the district list, the alert stream and its replay after a reconnect.
 */
class DistrictScopeTest extends WalkedCentre {

    private static final String HIEP_DUC_OPERATOR = "hiep-duc-operator";
    private static final String STREAM = "/api/alerts/stream";

    private TwoDistricts made;

    @AfterEach
    void removeSecondDistrict() {
        if (made != null) {
            made.remove();
        }
    }

    @Test
    void anOperatorScopedToADistrictSeesNothingOfTheOtherOnAnyRoute() throws Exception {
        made = new TwoDistricts(jdbc);
        WebSession admin = WebSession.login(base, "admin", "admin-demo");
        made.make(admin);
        AccountFixtures.createDistrictOperator(admin, HIEP_DUC_OPERATOR, TwoDistricts.DISTRICT, "Tạm-thời-0123456789");
        WebSession hiepDuc = AccountFixtures.firstLogin(base, HIEP_DUC_OPERATOR, "Tạm-thời-0123456789", "Hiệp-Đức-9876543210");
        districtOperator(RouteWalkTest.DISTRICT_OPERATOR, "nong-son");
        WebSession nongSon = WebSession.login(base, RouteWalkTest.DISTRICT_OPERATOR, RouteWalkTest.DISTRICT_OPERATOR + "-demo");

        SseTestClient hiepDucStream = hiepDuc.sse(STREAM);
        SseTestClient nongSonStream = nongSon.sse(STREAM);
        List<SseTestClient> replays = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !hiepDucStream.received("hello").isEmpty()
                    && !nongSonStream.received("hello").isEmpty());
            made.ingest(base, inventory);
            TwoDistricts.Traces second = made.traces(true, inventory, admin, json);
            TwoDistricts.Traces first = made.traces(false, inventory, admin, json);

            // the stream as it comes, then replayed to a browser that reconnects from before the events
            SseTestClient hiepDucReplay = hiepDuc.sse(STREAM, hiepDucStream.received("hello").get(0).id());
            SseTestClient nongSonReplay = nongSon.sse(STREAM, nongSonStream.received("hello").get(0).id());
            replays.add(hiepDucReplay);
            replays.add(nongSonReplay);
            for (SseTestClient s : List.of(hiepDucStream, hiepDucReplay)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> s.received("alert").size() >= 1 && s.received("camera-event").size() >= 1);
            }
            for (SseTestClient s : List.of(nongSonStream, nongSonReplay)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> s.received("alert").size() >= inventory.communes().size()
                        && s.received("camera-event").size() >= inventory.communes().size());
            }
            Thread.sleep(200); // anything else on its way
            assertThat(hiepDucStream.received()).as("Hiệp Đức's stream").noneMatch(r -> mentions(r.data(), first));
            assertThat(hiepDucReplay.received()).as("Hiệp Đức's replay").noneMatch(r -> mentions(r.data(), first));
            assertThat(hiepDucStream.received("alert")).as("Hiệp Đức's own alert").anyMatch(r -> r.data().contains(second.alert()));
            assertThat(nongSonStream.received()).as("Nông Sơn's stream").noneMatch(r -> mentions(r.data(), second));
            assertThat(nongSonReplay.received()).as("Nông Sơn's replay").noneMatch(r -> mentions(r.data(), second));

            // what each sees of their own district, so that "nothing of the other" is not "nothing at all"
            assertThat(hiepDuc.get("/api/cameras").body()).contains(TwoDistricts.CAMERA).doesNotContain("QL-01");
            assertThat(hiepDuc.get("/api/incidents").body()).contains(second.incident());
            assertThat(hiepDuc.get("/api/districts").body()).contains(TwoDistricts.COMMUNE).doesNotContain("nong-son");
            assertThat(nongSon.get("/api/incidents").body()).contains(first.incident()).doesNotContain(second.incident());
            assertThat(admin.get("/api/incidents").body()).contains(first.incident(), second.incident());

            // incidents: the other district's cannot be changed, nor opened from its alerts
            assertThat(hiepDuc.send("POST", "/api/incidents/" + first.incident() + "/status", "{\"status\":\"CLOSED\"}").statusCode())
                    .isEqualTo(404);
            // an alert out of scope is as unknown as one that does not exist
            assertThat(nongSon.send("POST", "/api/incidents", "{\"title\":\"t\",\"alertIds\":[\"" + second.alert() + "\"]}")
                    .statusCode()).isEqualTo(400);

            List<String> leaks = new ArrayList<>();
            walk(hiepDuc, HIEP_DUC_OPERATOR, first, leaks);
            walk(nongSon, RouteWalkTest.DISTRICT_OPERATOR, second, leaks);
            assertThat(leaks).as("answers that showed the other district").isEmpty();

            // only an operator is given a district
            assertThat(admin.send("POST", "/api/accounts", """
                    {"username":"hd-tech","displayName":"Kỹ thuật","role":"TECHNICIAN","districtId":"hiep-duc",
                     "password":"Tạm-thời-0123456789"}""").body()).contains("DISTRICT_INVALID");
            // the commune moves back: the session holding Hiệp Đức's old communes ends, and its stream
            HttpResponse<String> moved = admin.send("PUT", "/api/districts/communes/" + TwoDistricts.COMMUNE,
                    "{\"districtId\":\"nong-son\"}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            assertThat(hiepDuc.get("/api/me").statusCode()).isEqualTo(401);
            await().atMost(Duration.ofSeconds(10)).until(hiepDucStream::ended);
        } finally {
            hiepDucStream.close();
            nongSonStream.close();
            replays.forEach(SseTestClient::close);
        }
    }

    /**
     * Every API route a person may call (not ingest, not the stream), with the other district's ids in
     * its path and query, GET and the actions with a body naming them: a refusal, or an answer without them.
     */
    private void walk(WebSession person, String who, TwoDistricts.Traces other, List<String> leaks) throws Exception {
        String query = "?camera=%s&commune=%s&date=%s&from=2026-01-01T00:00:00Z&to=2027-12-31T00:00:00Z"
                .formatted(other.camera(), other.communes().iterator().next(), LocalDate.now());
        String body = """
                {"cameraId":"%s","cameraIds":["%s"],"stream":"sub","alertIds":["%s"],"title":"t","text":"t","note":"t",
                 "status":"CLOSED","assignee":"admin","action":"STOP","from":"2026-01-01T00:00:00Z","to":"2026-01-01T00:01:00Z"}"""
                .formatted(other.camera(), other.camera(), other.alert());
        for (String route : routes()) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            if (!pattern.startsWith("/api/") || pattern.startsWith("/api/ingest") || pattern.equals(STREAM)) {
                continue;
            }
            String path = withIds(pattern, other);
            boolean namesOther = !path.equals(pattern.replaceAll("\\{[^}]*}", "x"));
            List<HttpResponse<String>> answers = method.equals("GET") ? List.of(person.get(path), person.get(path + query))
                    : List.of(person.send(method, path, body));
            for (HttpResponse<String> answer : answers) {
                boolean ok = answer.statusCode() / 100 == 2;
                // served for the other's id: a leak unless it is the very answer an id that exists nowhere gets
                boolean asIfUnknown = ok && namesOther && method.equals("GET")
                        && answer.body().equals(person.get(pattern.replaceAll("\\{[^}]*}", UUID.randomUUID().toString())).body());
                if (ok && (namesOther && !asIfUnknown || mentions(answer.body(), other))) {
                    leaks.add(route + " as " + who + ": " + answer.statusCode() + " " + abbreviated(answer.body()));
                }
            }
        }
    }

    /** The route's placeholder filled with the other district's id of that kind; "x" where there is none. */
    private static String withIds(String pattern, TwoDistricts.Traces other) {
        String id = pattern.startsWith("/api/cameras/{") ? other.camera()
                : pattern.startsWith("/api/incidents/{") ? other.incident()
                : pattern.startsWith("/api/alerts/{") ? other.alert()
                : pattern.startsWith("/api/events/{") || pattern.startsWith("/api/media/{") ? other.event()
                : pattern.startsWith("/api/districts/communes/{") ? other.communes().iterator().next()
                : "x";
        return pattern.replaceAll("\\{[^}]*}", id);
    }

    private static boolean mentions(String text, TwoDistricts.Traces other) {
        return text != null && other.all().stream().anyMatch(text::contains);
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "…";
    }
}
