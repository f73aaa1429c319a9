package io.canhgac.event.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.config.Commune;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every route the server has, found at run time (controller and actuator mappings, static files),
 * called unauthenticated, with the gateway token, and as every role, a district's operator and every
 * commune's head.
 * A new route without a line in {@link RoutePolicy#POLICY} fails the test: its access has to be decided.
 */
class RouteWalkTest extends WalkedCentre {

    /** An operator who sees one district (Nông Sơn, every demo commune): answered as every operator is. */
    static final String DISTRICT_OPERATOR = "nong-son-operator";

    /** Someone who calls: a name for messages, a session (or none), a bearer token (or none), a role. */
    record Caller(String name, WebSession session, String bearer, String role) {
    }

    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>(machinesAndAnonymous());
        callers.addAll(people());
        return callers;
    }

    /** Fresh cookie jars: no CSRF cookie picked up from an earlier answer, as a first request has none. */
    private List<Caller> machinesAndAnonymous() {
        return List.of(
                new Caller("anonymous", WebSession.anonymous(base), null, null),
                new Caller("wrong token", WebSession.anonymous(base), "not-the-token", null),
                new Caller("gateway", WebSession.anonymous(base), "test-token", "GATEWAY"),
                new Caller("prometheus", WebSession.anonymous(base), SCRAPE_TOKEN, "SCRAPER"));
    }

    private List<Caller> people() {
        List<Caller> callers = new ArrayList<>();
        for (String user : List.of("admin", "operator", "technician")) {
            callers.add(new Caller(user, WebSession.login(base, user, user + "-demo"), null, user.toUpperCase()));
        }
        districtOperator(DISTRICT_OPERATOR, "nong-son");
        callers.add(new Caller(DISTRICT_OPERATOR, WebSession.login(base, DISTRICT_OPERATOR, DISTRICT_OPERATOR + "-demo"), null,
                "OPERATOR"));
        for (Commune commune : inventory.communes()) {
            callers.add(new Caller(commune.id(), WebSession.login(base, commune.id(), commune.id() + "-demo"), null, "COMMUNE_HEAD"));
        }
        return callers;
    }

    @Test
    void everyRouteHasAPolicy() throws Exception {
        Set<String> routes = routes();
        assertThat(routes).as("routes without a line in POLICY").allMatch(route -> RoutePolicy.policyOf(route) != null);
        assertThat(routes).as("the walk finds the controllers, actuator and static files")
                .contains("GET /api/cameras", "GET /actuator/info", "GET /login.html", "POST /api/ingest/events",
                        "GET /actuator/prometheus", "GET /v3/api-docs",
                        "POST /api/incidents", "GET /api/incidents/{id}/evidence.zip", "GET /api/reports/daily.pdf",
                        "POST /api/gateways/{id}/revoke", "GET /api/ingest/link");
    }

    @Test
    void everyRouteAnswersEveryCallerAsItsPolicySays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        // each person signs in once for the whole walk (a login hashes a password: hundreds of them were
        // most of this test's time); their sessions are checked to be still signed in at the end
        List<Caller> people = people();
        for (String route : routes()) {
            RoutePolicy.Access access = RoutePolicy.policyOf(route);
            if (access == null) {
                continue; // reported by everyRouteHasAPolicy
            }
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("**", "db").replaceAll("\\{[^}]*}", "x");
            boolean machineReadable = path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs");
            List<Caller> callers = new ArrayList<>(machinesAndAnonymous());
            callers.addAll(people);
            for (Caller caller : callers) {
                WebSession.Answer answer = caller.session().head(method, path, caller.bearer());
                calls++;
                String outcome = outcome(answer);
                String expected = expected(access, caller, machineReadable, method);
                if (!outcome.equals(expected)) {
                    wrong.add(route + " as " + caller.name() + ": expected " + expected + ", got " + answer.status()
                            + " " + answer.location());
                }
            }
        }
        assertThat(wrong).as("routes that answered the wrong caller").isEmpty();
        assertThat(calls).isGreaterThan(RoutePolicy.POLICY.size() * 5);
        // no route walked ended or changed a session, so every answer above was to the caller it names
        for (Caller caller : people) {
            assertThat(json.readTree(caller.session().get("/api/me").body()).get("role").asText())
                    .as(caller.name() + " still signed in after the walk").isEqualTo(caller.role());
        }
    }

    private static String outcome(WebSession.Answer answer) {
        if (answer.status() == 302 && answer.location().endsWith("/login.html")) {
            return "login page";
        }
        return switch (answer.status()) {
            case 401 -> "401";
            case 403 -> "403";
            default -> "served";
        };
    }

    private static String expected(RoutePolicy.Access access, Caller caller, boolean machineReadable, String method) {
        boolean person = isPerson(caller);
        // a form post to a page without a session has no CSRF token either: refused as forbidden first
        String unauthenticated = machineReadable ? "401" : method.equals("GET") ? "login page" : "403";
        return switch (access) {
            case PUBLIC -> "served";
            // a gateway's token opens nothing but ingest; to the rest it is not signed in
            case SIGNED_IN -> person ? "served" : unauthenticated;
            case ADMIN -> !person ? unauthenticated : caller.role().equals("ADMIN") ? "served" : "403";
            case ALERT_DESK -> !person ? unauthenticated : caller.role().equals("COMMUNE_HEAD") ? "403" : "served";
            case TECHNICIAN -> !person ? unauthenticated
                    : caller.role().equals("ADMIN") || caller.role().equals("TECHNICIAN") ? "served" : "403";
            case INCIDENT_READ -> !person ? unauthenticated : caller.role().equals("TECHNICIAN") ? "403" : "served";
            case INCIDENT_DESK -> !person ? unauthenticated : Set.of("ADMIN", "OPERATOR").contains(caller.role()) ? "served" : "403";
            // ingest reads no session: a person is unauthenticated there
            case GATEWAY -> "GATEWAY".equals(caller.role()) ? "served" : "401";
            // the scrape chain reads no session either
            case SCRAPER -> "SCRAPER".equals(caller.role()) ? "served" : "401";
        };
    }

    /** Signed in through the form; gateways and Prometheus are machines with a token. */
    private static boolean isPerson(Caller caller) {
        return caller.role() != null && !caller.role().equals("GATEWAY") && !caller.role().equals("SCRAPER");
    }

    @Test
    void camerasEventsAndTheLiveStreamAreScopedToTheCallersCommunes() throws Exception {
        EventFixtures.clearEvents(jdbc);
        List<Caller> people = callers().stream().filter(RouteWalkTest::isPerson).toList();
        Map<String, SseTestClient> streams = new LinkedHashMap<>();
        try {
            for (Caller caller : people) {
                streams.put(caller.name(), caller.session().sse("/api/alerts/stream"));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> streams.values().stream().allMatch(s -> !s.received("hello").isEmpty()));

            // one motion event on the first camera of every commune
            Map<String, UUID> eventByCommune = new LinkedHashMap<>();
            StringBuilder batch = new StringBuilder("[");
            for (Commune commune : inventory.communes()) {
                String camera = inventory.cameras().stream().filter(c -> c.commune().equals(commune.id())).findFirst().orElseThrow().id();
                UUID id = UUID.randomUUID();
                eventByCommune.put(commune.id(), id);
                batch.append(batch.length() > 1 ? "," : "").append("""
                        {"id":"%s","cameraId":"%s","type":"MOTION_START","occurredAt":"2026-11-22T01:00:00Z","score":0.1}"""
                        .formatted(id, camera));
            }
            WebSession.Answer stored = WebSession.anonymous(base).head("POST", "/api/ingest/events", "test-token");
            assertThat(stored.status()).isEqualTo(200); // an empty batch: the token works
            HttpResponse<String> posted = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/ingest/events"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer test-token")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(batch.append("]").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

            Set<String> allCommunes = eventByCommune.keySet();
            for (Caller caller : people) {
                Set<String> allowed = caller.role().equals("COMMUNE_HEAD") ? Set.of(caller.name()) : allCommunes;
                String who = caller.name();

                JsonNode cameras = json.readTree(caller.session().get("/api/cameras").body());
                assertThat(communes(cameras)).as(who + ": cameras' communes").isEqualTo(allowed);

                JsonNode events = json.readTree(caller.session().get("/api/events").body());
                assertThat(communes(events)).as(who + ": events' communes").isEqualTo(allowed);
                assertThat(events).as(who + ": one event per allowed commune").hasSize(allowed.size());
                // asking for another commune's camera by name gives nothing either
                for (Commune other : inventory.communes()) {
                    if (!allowed.contains(other.id())) {
                        String camera = inventory.cameras().stream().filter(c -> c.commune().equals(other.id())).findFirst().orElseThrow().id();
                        assertThat(json.readTree(caller.session().get("/api/events?camera=" + camera).body()))
                                .as(who + " asking for " + camera).isEmpty();
                        assertThat(caller.session().get("/api/cameras/" + camera).statusCode()).as(who + " reading " + camera)
                                .isEqualTo(404);
                    } else {
                        String camera = inventory.cameras().stream().filter(c -> c.commune().equals(other.id())).findFirst().orElseThrow().id();
                        assertThat(caller.session().get("/api/cameras/" + camera).statusCode()).as(who + " reading " + camera)
                                .isEqualTo(200);
                    }
                }

                SseTestClient stream = streams.get(who);
                await().atMost(Duration.ofSeconds(5)).until(() -> stream.received("camera-event").size() >= allowed.size());
                Thread.sleep(100);
                Set<String> pushedCommunes = new TreeSet<>();
                for (SseTestClient.Received r : stream.received("camera-event")) {
                    pushedCommunes.add(json.readTree(r.data()).get("communeId").asText());
                }
                assertThat(pushedCommunes).as(who + ": communes pushed over SSE").isEqualTo(new TreeSet<>(allowed));
                assertThat(stream.received("camera-event")).as(who + ": pushed once each").hasSize(allowed.size());
            }
        } finally {
            streams.values().forEach(SseTestClient::close);
            EventFixtures.clearEvents(jdbc);
        }
    }

    private static Set<String> communes(JsonNode rows) {
        Set<String> communes = new TreeSet<>();
        rows.forEach(r -> communes.add(r.get("communeId").asText()));
        return communes;
    }
}
