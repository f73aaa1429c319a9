package io.canhgac.event.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.EventType;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;
import io.canhgac.event.db.EmbeddedPostgres;
import io.canhgac.event.publish.TestWebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops (IMMEDIATE, as in a crash) for 60 s while a gateway keeps delivering motion, and
 * starts again under the running service: nothing is lost or stored twice, each MOTION_START raises
 * its one alert, and the service recovers by itself — health DOWN then UP, the gateway routes
 * answering 503 meanwhile, a scheduled job touching the database running again, the open SSE stream
 * (the same connection, no reconnect) and the webhook relay carrying on.
 * <p>
 * The gateway is {@link TestEventPublisher}, by camera-gateway's delivery rules with a retry cap of 4 s
 * (the all-in-one's is 30 s, a commune gateway's 60 s). After the restart Hikari tries a new connection
 * at most 5 s apart (its own backoff), a request waits up to 3 s for one (application.yml), then the
 * gateway sleeps up to 4 s: so the first event is stored within about 9 s, whence the bounds below.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=" + DatabaseOutageTest.TOKEN,
        "canhgac.accounts.demo=true",
        "canhgac.webhook.secret=" + DatabaseOutageTest.SECRET,
        "canhgac.webhook.retry-min=100ms",
        "canhgac.webhook.retry-max=1s",
        "canhgac.webhook.timeout=5s"})
@Import(DatabaseOutageTest.Ticker.class)
@DirtiesContext // its database was killed once: not a context to hand to the next test class
class DatabaseOutageTest {

    static final String TOKEN = "outage-token";
    static final String SECRET = "whsec-outage-0123456789abcdefghijkl";

    static final Duration BEFORE = Duration.ofSeconds(5);
    static final Duration OUTAGE = Duration.ofSeconds(60); // the figure: keep it
    static final Duration AFTER = Duration.ofSeconds(5);
    static final int EVENTS_PER_SECOND = 20;

    static final Duration HEALTH_UP_WITHIN = Duration.ofSeconds(10);
    static final Duration FIRST_INGEST_WITHIN = Duration.ofSeconds(12);
    static final Duration DRAINED_WITHIN = Duration.ofSeconds(20);
    /** Well under the gateway's 10 s request timeout, and Hikari's default 30 s wait. */
    static final Duration REFUSED_WITHIN = Duration.ofSeconds(6);

    static final TestWebhookReceiver webhook = TestWebhookReceiver.start(SECRET);

    @TestConfiguration(proxyBeanMethods = false)
    static class Ticker {
        @Bean
        DatabaseTicker databaseTicker(JdbcTemplate jdbc) {
            return new DatabaseTicker(jdbc);
        }
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("canhgac.webhook.url", webhook::url);
    }

    @AfterAll
    static void stopReceiver() {
        webhook.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    DistrictInventory inventory;
    @Autowired
    ObjectMapper json;
    @Autowired
    DatabaseTicker ticker;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The test's own view of the database, a connection per query: not the pool under test. */
    private JdbcTemplate db;

    @Test
    @Timeout(120)
    void eventsDeliveredThroughAMinuteWithoutPostgresAreStoredOnceAndTheServiceRecoversByItself() throws Exception {
        String base = "http://127.0.0.1:" + port;
        db = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), ""));
        EventFixtures.clearEvents(db);
        List<String> cameras = inventory.cameras().stream().limit(2).map(c -> c.id()).toList();
        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        try (TestEventPublisher publisher = new TestEventPublisher(base, TOKEN, json, Duration.ofMillis(250), Duration.ofSeconds(4));
             SseTestClient sse = operator.sse("/api/alerts/stream");
             HealthWatch health = new HealthWatch(base).start();
             SteadyProducer producer = new SteadyProducer(publisher, cameras).start(EVENTS_PER_SECOND)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !sse.received("hello").isEmpty());
            Thread.sleep(BEFORE.toMillis());
            assertThat(stored(producer.ids(null))).as("events flow before the outage").isPositive();

            Instant stopping = Instant.now();
            postgres.stopServer(EmbeddedPostgres.StopMode.IMMEDIATE);
            Instant stopped = Instant.now();
            UUID refused = UUID.randomUUID();
            Instant restarting;
            try {
                gatewayRoutesAnswerUnavailable(base, refused, cameras.get(0));
                pagesAnswerUnavailable(operator);
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), stopped.plus(OUTAGE)).toMillis()));
            } finally {
                restarting = Instant.now(); // the outage's end: it takes connections before startServer returns
                postgres.startServer(); // whatever failed above, the database comes back
            }
            Instant restarted = Instant.now(); // ready: the recovery's figures count from here

            List<UUID> backlog = producer.producedBefore(restarted);
            await().atMost(DRAINED_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> stored(backlog) == backlog.size());
            Instant drained = Instant.now();
            await().atMost(HEALTH_UP_WITHIN).until(() -> health.firstUpAskedFrom(restarted).isPresent());
            Instant healthUp = health.firstUpAskedFrom(restarted).orElseThrow().answered();
            Instant firstIngest = db.queryForObject("SELECT min(received_at) FROM camera_event WHERE received_at >= ?",
                    Timestamp.class, Timestamp.from(restarted)).toInstant();
            Instant ranAgain = await().atMost(HEALTH_UP_WITHIN).until(() -> ticker.firstSuccessFrom(restarted), Optional::isPresent)
                    .orElseThrow();

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), restarted.plus(AFTER)).toMillis()));
            producer.stop();
            assertThat(publisher.drain(Duration.ofSeconds(10))).as("the gateway delivers the rest").isTrue();

            List<UUID> all = producer.ids(null);
            List<UUID> motionStarts = producer.ids(EventType.MOTION_START);
            List<HealthWatch.Check> duringOutage = health.between(stopped, restarting);
            Map<String, Integer> answers = publisher.answers();
            System.out.printf("DatabaseOutageTest: PostgreSQL away %.1f s (IMMEDIATE stop to ready again); %d events produced "
                            + "(%d MOTION_START), %d while it was away; the gateway's answers %s, %d events answered DUPLICATE; "
                            + "health DOWN in %d checks during the outage, UP %.1f s after the restart; first event stored %.1f s "
                            + "after it; backlog of %d drained %.1f s after it; the scheduled job ran again %.1f s after it%n",
                    seconds(stopping, restarted), all.size(), motionStarts.size(),
                    producer.producedFrom(stopped).size() - producer.producedFrom(restarting).size(), answers,
                    publisher.duplicates(), duringOutage.stream().filter(c -> c.status() == 503).count(),
                    seconds(restarted, healthUp), seconds(restarted, firstIngest), backlog.size(), seconds(restarted, drained),
                    seconds(restarted, ranAgain));

            // 0 lost, 0 duplicated (the table's key forbids a second row; the total would show one elsewhere)
            assertThat(stored(all)).isEqualTo(all.size());
            assertThat(db.queryForObject("SELECT count(*) FROM camera_event", Integer.class)).isEqualTo(all.size());
            assertThat(stored(List.of(refused))).as("an event answered 503 is not stored").isZero();
            // the gateway kept everything: never refused (a 4xx would have made it drop the batch)
            assertThat(publisher.dropped()).isZero();
            assertThat(answers.keySet()).as("answers to the gateway: 503 while away, never a 4xx (nor a 500)")
                    .contains("503").allMatch(a -> a.equals("200") || a.equals("503"));
            // one alert for each MOTION_START, none for anything else
            assertThat(db.queryForObject("SELECT count(*) FROM alert WHERE event_id = ANY(?::uuid[])", Integer.class,
                    (Object) texts(motionStarts))).isEqualTo(motionStarts.size());
            assertThat(db.queryForObject("SELECT count(*) FROM alert", Integer.class)).isEqualTo(motionStarts.size());

            assertThat(duringOutage).as("health checks while PostgreSQL was away").hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(c -> assertThat(c.status()).as("health at " + c.asked()).isEqualTo(503));
            assertThat(Duration.between(restarted, healthUp)).isLessThanOrEqualTo(HEALTH_UP_WITHIN);
            assertThat(Duration.between(restarted, firstIngest)).isLessThanOrEqualTo(FIRST_INGEST_WITHIN);
            assertThat(Duration.between(restarted, drained)).isLessThanOrEqualTo(DRAINED_WITHIN);

            // the scheduled job failed while the database was away (a second's grace for a run ending at
            // the stop) and runs again after
            assertThat(ticker.between(stopped.plusSeconds(1), restarting)).as("ticks during the outage").isNotEmpty()
                    .noneMatch(DatabaseTicker.Run::succeeded);
            assertThat(ticker.from(ranAgain)).as("ticks once it ran again").allMatch(DatabaseTicker.Run::succeeded);

            // the stream opened before the outage stayed open and pushed every event stored after it
            // (events from the stop on: none of them can have been stored before the restart)
            await().atMost(Duration.ofSeconds(5)).until(() -> sseEventIds(sse).containsAll(producer.producedFrom(stopped)));
            assertThat(sse.ended()).as("the SSE stream was not dropped").isFalse();
            // and the webhook relay delivered every alert, those raised after the restart included
            Set<String> alertIds = new HashSet<>(db.queryForList("SELECT id::text FROM alert", String.class));
            await().atMost(Duration.ofSeconds(15)).until(() -> webhookDeliveries().containsAll(alertIds));
        }
    }

    /** While the database is away every gateway route answers 503 with a short reason, never a 4xx. */
    private void gatewayRoutesAnswerUnavailable(String base, UUID eventId, String camera) throws Exception {
        String event = EventFixtures.event(eventId, camera, "MOTION_START", Instant.now().toString(), ",\"score\":0.1");
        String media = "/api/ingest/media/" + UUID.randomUUID() + "?eventId=" + eventId + "&cameraId=" + camera
                + "&kind=SNAPSHOT&capturedAt=" + Instant.now() + "&sha256=" + "0".repeat(64);
        List<HttpRequest.Builder> requests = List.of(
                request(base, "/api/ingest/events").POST(HttpRequest.BodyPublishers.ofString("[" + event + "]")),
                request(base, "/api/ingest/stream-stats").PUT(HttpRequest.BodyPublishers.ofString("[]")),
                request(base, media).setHeader("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[16])),
                request(base, "/api/ingest/cameras").GET());
        for (HttpRequest.Builder r : requests) {
            HttpRequest sent = r.build();
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(sent, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String what = sent.method() + " " + sent.uri().getPath();
            assertUnavailable(what, answer.statusCode(), answer.headers(), answer.body());
            assertThat(took).as(what + " answers in seconds").isLessThan(REFUSED_WITHIN);
        }
    }

    /** A signed-in user's request (no gateway token, so past the filter): the controllers' answer, 503 too. */
    private void pagesAnswerUnavailable(WebSession operator) throws IOException {
        HttpResponse<String> answer = operator.get("/api/alerts");
        assertUnavailable("GET /api/alerts", answer.statusCode(), answer.headers(), answer.body());
    }

    private void assertUnavailable(String what, int status, java.net.http.HttpHeaders headers, String body) throws IOException {
        assertThat(status).as(what + " -> " + body).isEqualTo(503);
        assertThat(headers.firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        assertThat(headers.firstValue("Retry-After")).as(what).isPresent();
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("detail").asText()).as(what).isEqualTo("database unavailable, retry");
    }

    private static HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
    }

    private int stored(Collection<UUID> ids) {
        return db.queryForObject("SELECT count(*) FROM camera_event WHERE id = ANY(?::uuid[])", Integer.class,
                (Object) texts(ids));
    }

    private static String[] texts(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private Set<UUID> sseEventIds(SseTestClient sse) {
        return sse.received("camera-event").stream().map(r -> {
            try {
                return UUID.fromString(json.readTree(r.data()).get("id").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.toSet());
    }

    private static Set<String> webhookDeliveries() {
        return webhook.attempts().stream().filter(a -> a.answered() == 204).map(TestWebhookReceiver.Attempt::delivery)
                .collect(Collectors.toSet());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
