package io.canhgac.event.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventory;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's Nông Sơn and a second district, Hiệp Đức, made as an admin makes it (a district, a
 * commune moved into it) with one camera: each with events, the alerts they raise and an incident.
 * Removed again afterwards, so the shared context keeps the demo's 46 cameras.
 */
final class TwoDistricts {

    static final String DISTRICT = "hiep-duc";
    static final String COMMUNE = "hiep-thuan";
    static final String CAMERA = "HD-01";

    /** What one district holds, which the other district's operator must never be shown. */
    record Traces(String district, Set<String> communes, Set<String> cameras, Set<String> events, Set<String> alerts,
                  String incident) {

        List<String> all() {
            List<String> all = new ArrayList<>(List.of(district, incident));
            all.addAll(communes);
            all.addAll(cameras);
            all.addAll(events);
            all.addAll(alerts);
            return all;
        }

        String camera() {
            return cameras.iterator().next();
        }

        String event() {
            return events.iterator().next();
        }

        String alert() {
            return alerts.iterator().next();
        }
    }

    private final JdbcTemplate jdbc;

    TwoDistricts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The district, its commune and camera, through the admin's routes where there is one. */
    void make(WebSession admin) {
        HttpResponse<String> district = admin.send("POST", "/api/districts",
                "{\"id\":\"" + DISTRICT + "\",\"regionId\":\"quang-nam\",\"name\":\"Hiệp Đức\"}");
        assertThat(district.statusCode()).as(district.body()).isEqualTo(201);
        // a commune arrives in the first district, as the inventory seeder writes it, and is moved
        jdbc.update("INSERT INTO commune (id, name) VALUES (?, 'Hiệp Thuận')", COMMUNE);
        HttpResponse<String> moved = admin.send("PUT", "/api/districts/communes/" + COMMUNE, "{\"districtId\":\"" + DISTRICT + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        jdbc.update("INSERT INTO camera (id, name, commune_id) VALUES (?, 'Cầu Hiệp Thuận', ?)", CAMERA, COMMUNE);
    }

    /** One motion event on the first camera of every commune of both districts: each raises an alert. */
    void ingest(String base, DistrictInventory inventory) {
        List<String> events = new ArrayList<>();
        List<String> cameras = new ArrayList<>(inventory.communes().stream()
                .map(c -> inventory.cameras().stream().filter(s -> s.commune().equals(c.id())).findFirst().orElseThrow().id())
                .toList());
        cameras.add(CAMERA);
        for (String camera : cameras) {
            events.add(EventFixtures.event(UUID.randomUUID(), camera, "MOTION_START", Instant.now().toString(), ",\"score\":0.4"));
        }
        EventFixtures.ingest(base, "test-token", events.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(DISTINCT camera_id) FROM alert WHERE camera_id = ANY (?)", Integer.class,
                (Object) cameras.toArray(String[]::new)) == cameras.size());
    }

    /** The admin opens one incident in each district, from one of its alerts. */
    Traces traces(boolean second, DistrictInventory inventory, WebSession admin, ObjectMapper json) throws IOException {
        Set<String> communes = new HashSet<>();
        Set<String> cameras = new HashSet<>();
        if (second) {
            communes.add(COMMUNE);
            cameras.add(CAMERA);
        } else {
            inventory.communes().forEach(c -> communes.add(c.id()));
            inventory.cameras().stream().map(CameraSpec::id).forEach(cameras::add);
        }
        String[] ids = cameras.toArray(String[]::new);
        Set<String> events = new HashSet<>(jdbc.queryForList("SELECT id::text FROM camera_event WHERE camera_id = ANY (?)",
                String.class, (Object) ids));
        Set<String> alerts = new HashSet<>(jdbc.queryForList("SELECT id::text FROM alert WHERE camera_id = ANY (?)",
                String.class, (Object) ids));
        HttpResponse<String> opened = admin.send("POST", "/api/incidents",
                "{\"title\":\"Xâm nhập\",\"alertIds\":[\"" + alerts.iterator().next() + "\"]}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String incident = json.readTree(opened.body()).get("incident").get("id").asText();
        return new Traces(second ? DISTRICT : "nong-son", communes, cameras, events, alerts, incident);
    }

    /** Children first; the accounts scoped to the district go with it. */
    void remove() {
        EventFixtures.clearEvents(jdbc);
        jdbc.update("DELETE FROM camera WHERE id = ?", CAMERA);
        jdbc.update("DELETE FROM app_user WHERE district_id = ?", DISTRICT);
        jdbc.update("DELETE FROM commune WHERE id = ?", COMMUNE);
        jdbc.update("DELETE FROM district WHERE id = ?", DISTRICT);
    }
}
