package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import io.canhgac.gateway.live.TestViewer;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import static io.canhgac.event.EventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One camera's recording as an operator reaches it through the centre's API, whichever gateway keeps
 * it (a commune's over its link, or the all-in-one's own): the timeline, an incident opened from an
 * event on it, playback, an export into the incident's evidence and the ZIP checked against its manifest.
 */
final class RecordingChecks {

    private final String base;
    private final WebSession operator;
    private final ObjectMapper json;
    private final String ingestToken;
    private final String cameraId;

    /** @param ingestToken the token the camera's gateway sends its events with */
    RecordingChecks(String base, WebSession operator, ObjectMapper json, String ingestToken, String cameraId) {
        this.base = base;
        this.operator = operator;
        this.json = json;
        this.ingestToken = ingestToken;
        this.cameraId = cameraId;
    }

    /** Recorded up to at least {@code until}, as the timeline API says: the first span's start. */
    Instant recordedUntil(Instant until) {
        Instant[] start = new Instant[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> answer = operator.get("/api/cameras/" + cameraId + "/recordings?from="
                    + until.minus(1, ChronoUnit.HOURS) + "&to=" + until.plus(1, ChronoUnit.HOURS));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode spans = json.readTree(answer.body()).path("spans");
            if (spans.isEmpty() || Instant.parse(spans.get(spans.size() - 1).get("end").asText()).isBefore(until)) {
                return false;
            }
            start[0] = Instant.parse(spans.get(0).get("start").asText());
            return true;
        });
        return start[0];
    }

    /** An instant to put an event at: now, and at least 4 s into the recording, in whole seconds. */
    static Instant eventAfter(Instant recordingStart) {
        Instant now = Instant.now();
        Instant soonest = recordingStart.plusSeconds(4);
        return (now.isAfter(soonest) ? now : soonest).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** A motion alert on the camera at {@code at}, sent as the gateway sends events, and an incident opened from it. */
    String incidentAt(Instant at) throws Exception {
        UUID event = UUID.randomUUID();
        EventFixtures.ingest(base, ingestToken, event(event, cameraId, "MOTION_START", at.toString(), ",\"score\":0.3"));
        String alert = await().atMost(Duration.ofSeconds(5)).until(() -> alertOf(event), a -> a != null);
        HttpResponse<String> opened = operator.send("POST", "/api/incidents", "{\"title\":\"Road at " + at + "\",\"alertIds\":[\"" + alert + "\"]}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json.readTree(opened.body()).at("/incident/id").asText();
    }

    private String alertOf(UUID event) throws Exception {
        for (JsonNode a : json.readTree(operator.get("/api/alerts?limit=1000").body())) {
            if (a.path("eventId").asText().equals(event.toString())) {
                return a.get("id").asText();
            }
        }
        return null;
    }

    /** A viewer of the camera's recording from {@code from}, through the centre's live server. */
    TestViewer playback(Instant from, int speed) throws Exception {
        HttpResponse<String> issued = operator.send("POST", "/api/playback/tickets",
                "{\"cameraId\":\"" + cameraId + "\",\"stream\":\"main\",\"from\":\"" + from + "\",\"speed\":\"" + speed + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return TestViewer.connect(json.readTree(issued.body()).get("url").asText());
    }

    /** Asks for the range as the incident's evidence, and waits until it has arrived at the centre. */
    JsonNode exported(String incident, Instant from, Instant to) throws Exception {
        HttpResponse<String> export = operator.send("POST", "/api/incidents/" + incident + "/recordings",
                "{\"cameraIds\":[\"" + cameraId + "\"],\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                json.readTree(operator.get("/api/incidents/" + incident + "/recordings").body()).get(0),
                x -> x.get("state").asText().equals("ARRIVED"));
    }

    /**
     * The incident's evidence ZIP holds the export's MP4 with its hash in the manifest; then closing the
     * incident releases the hold at the gateway.
     */
    void inEvidenceThenReleased(String incident, JsonNode arrived) throws Exception {
        Map<String, byte[]> zip = checkedZip(operator.download("/api/incidents/" + incident + "/evidence.zip").body());
        String mp4 = zip.keySet().stream().filter(n -> n.endsWith(arrived.get("id").asText() + ".mp4")).findFirst().orElseThrow();
        assertThat(new String(zip.get(mp4), 4, 4)).isEqualTo("ftyp");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.get(mp4))))
                .isEqualTo(arrived.get("sha256").asText());
        assertThat(new String(zip.get("manifest.json"))).contains("\"kind\" : \"RECORDING\"", arrived.get("sha256").asText());

        assertThat(operator.send("POST", "/api/incidents/" + incident + "/status", "{\"status\":\"CLOSED\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !json.readTree(operator.get("/api/incidents/" + incident + "/recordings").body()).get(0).get("held").asBoolean());
    }

    /** The ZIP's files by name, and every line of manifest.sha256 checked against them. */
    static Map<String, byte[]> checkedZip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        String sums = new String(files.get("manifest.sha256"));
        for (String line : sums.split("\n")) {
            String[] hashAndName = line.split(" {2}", 2);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.get(hashAndName[1]))))
                    .as(hashAndName[1]).isEqualTo(hashAndName[0]);
        }
        return files;
    }
}
