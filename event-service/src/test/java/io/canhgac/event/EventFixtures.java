package io.canhgac.event;

import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Events delivered as a gateway would, and the cleanup that respects the tables' references. */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** Deletes events and all that hangs on them, children first. */
    public static void clearEvents(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM event_media WHERE export_id IS NOT NULL");
        jdbc.update("DELETE FROM recording_export");
        jdbc.update("DELETE FROM incident_entry");
        jdbc.update("DELETE FROM incident_commune");
        jdbc.update("DELETE FROM incident_alert");
        jdbc.update("DELETE FROM incident");
        jdbc.update("DELETE FROM event_media");
        jdbc.update("DELETE FROM alert_note");
        jdbc.update("DELETE FROM alert");
        jdbc.update("DELETE FROM camera_event");
    }

    public static String event(UUID id, String camera, String type, String occurredAt, String extra) {
        return """
                {"id":"%s","cameraId":"%s","type":"%s","occurredAt":"%s"%s}""".formatted(id, camera, type, occurredAt, extra);
    }

    /** Posts a batch to the ingest API with the gateway token; fails unless it is stored. */
    public static void ingest(String base, String token, String... events) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/ingest/events"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("ingest answered " + r.statusCode() + ": " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
