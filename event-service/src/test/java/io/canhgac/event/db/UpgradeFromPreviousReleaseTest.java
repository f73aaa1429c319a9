package io.canhgac.event.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.event.WebSession;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14.4: the current version started on a database made by the previous release's migrations
 * migrates it (Flyway) and keeps its data. The previous landed release (2026-11-22) ended at V12; V13
 * (which gateway holds a commune) and V14 (gateway alerts: alert.event_id and camera_id made nullable,
 * a check over the alert's subject) came after. The database is a real server outside the service
 * (spring.datasource.url), as an upgraded install would have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.ingest.token=test-token",
        "canhgac.accounts.demo=true"})
class UpgradeFromPreviousReleaseTest {

    static final String PREVIOUS_RELEASE = "12";
    static final String CAMERA = "QL-UPGRADE";
    static final UUID EVENT = UUID.randomUUID();
    static final UUID ALERT = UUID.randomUUID();
    static final UUID INCIDENT = UUID.randomUUID();
    static final UUID GATEWAY = UUID.randomUUID();
    static final EmbeddedPostgres OLD_DATABASE = previousRelease();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", OLD_DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", OLD_DATABASE::username);
    }

    @AfterAll
    static void stop() {
        OLD_DATABASE.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    /** A database as the previous release left it: its schema, and a district's data written in that schema. */
    private static EmbeddedPostgres previousRelease() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.start(null, 0);
            Flyway.configure().dataSource(pg.jdbcUrl(), pg.username(), "").locations("classpath:db/migration")
                    .target(PREVIOUS_RELEASE).load().migrate();
            SingleConnectionDataSource ds = new SingleConnectionDataSource(pg.jdbcUrl(), pg.username(), "", true);
            JdbcTemplate old = new JdbcTemplate(ds);
            io.canhgac.config.Commune known = new DistrictInventoryLoader().loadDemo().communes().get(0);
            old.update("INSERT INTO commune (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING", known.id(), known.name());
            old.update("INSERT INTO camera (id, name, commune_id, location, enabled, edited_at) VALUES (?, 'Cầu tràn cũ', ?, 'cột điện số 4', true, now())",
                    CAMERA, known.id());
            old.update("INSERT INTO camera_event (id, camera_id, type, occurred_at, score) VALUES (?, ?, 'MOTION_START', '2026-11-20T01:00:00Z', 0.4)",
                    EVENT, CAMERA);
            old.update("INSERT INTO alert (id, event_id, camera_id, kind, raised_at, state, handled_by, handled_at)"
                    + " VALUES (?, ?, ?, 'MOTION_START', '2026-11-20T01:00:01Z', 'ACKNOWLEDGED', 'operator', '2026-11-20T01:05:00Z')", ALERT, EVENT, CAMERA);
            old.update("INSERT INTO incident (id, title, opened_by) VALUES (?, 'Trộm bò ở Quế Lộc', 'operator')", INCIDENT);
            old.update("INSERT INTO incident_alert (incident_id, alert_id, linked_by) VALUES (?, ?, 'operator')", INCIDENT, ALERT);
            old.update("INSERT INTO gateway (id, name, token_sha256) VALUES (?, 'que-loc-old', ?)", GATEWAY, "ab".repeat(32));
            ds.destroy();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCurrentVersionMigratesThePreviousReleasesDatabaseAndKeepsItsData() throws Exception {
        assertThat(jdbc.queryForObject("SELECT max(version::int) FROM flyway_schema_history WHERE success", Integer.class))
                .isEqualTo(latestMigration()).isGreaterThan(Integer.parseInt(PREVIOUS_RELEASE));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class)).isZero();

        // the old rows, unchanged, in the migrated schema (V14's new columns empty for a camera alert)
        assertThat(jdbc.queryForMap("SELECT camera_id, kind, state, handled_by, gateway_id, since FROM alert WHERE id = ?", ALERT))
                .containsEntry("camera_id", CAMERA).containsEntry("state", "ACKNOWLEDGED").containsEntry("handled_by", "operator")
                .containsEntry("gateway_id", null).containsEntry("since", null);
        assertThat(jdbc.queryForObject("SELECT location FROM camera WHERE id = ?", String.class, CAMERA)).isEqualTo("cột điện số 4");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incident_commune WHERE incident_id = ?", Integer.class, INCIDENT)).isOne();
        assertThat(jdbc.queryForObject("SELECT name FROM gateway WHERE id = ?", String.class, GATEWAY)).isEqualTo("que-loc-old");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_commune", Integer.class)).isNotNull();

        // and served as before
        String base = "http://127.0.0.1:" + port;
        WebSession operator = WebSession.login(base, "operator", "operator-demo");
        JsonNode incident = json.readTree(operator.get("/api/incidents/" + INCIDENT).body());
        assertThat(incident.path("incident").path("title").asText()).isEqualTo("Trộm bò ở Quế Lộc");
        assertThat(incident.path("alerts").get(0).path("eventId").asText()).isEqualTo(EVENT.toString());
        JsonNode events = json.readTree(operator.get("/api/events?camera=" + CAMERA).body());
        assertThat(events.get(0).path("id").asText()).isEqualTo(EVENT.toString());
    }

    /** The newest V*.sql this build ships, so the test follows new migrations without an edit. */
    private static int latestMigration() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
        return Arrays.stream(files).map(Resource::getFilename).filter(Objects::nonNull)
                .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
    }
}
