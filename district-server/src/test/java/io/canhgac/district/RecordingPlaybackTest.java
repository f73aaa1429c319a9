package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import io.canhgac.event.link.GatewayLink;
import io.canhgac.gateway.GatewayAssembly;
import io.canhgac.gateway.GatewayNodeSettings;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.live.TestViewer;
import io.canhgac.gateway.media.MediaSettings;
import io.canhgac.gateway.media.MediaUploadSettings;
import io.canhgac.gateway.recording.RecordedStream;
import io.canhgac.gateway.recording.RecordingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import static io.canhgac.event.EventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recording on the whole path: Quế Lộc's gateway records its camera (the substream, 10 s segments);
 * the centre shows its timeline, plays it back through the centre's live server from the commune's
 * link, exports a range into an incident's evidence ZIP with its hash, and releases the hold at close.
 * Then the same in Chromium: the playback page, an event's mark on the timeline, the video playing,
 * the export asked from the incident page, the ZIP's manifest checked against its files. One gateway
 * records for both tests (started once: recording needs a few seconds before there is anything to play).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingPlaybackTest extends CommuneGatewayTestBase {

    static final String GATEWAY = "que-loc-rec";
    static final String CAMERA = "LQL-2";

    static final DateTimeFormatter DISTRICT_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final DateTimeFormatter DISTRICT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private GatewayAssembly gateway;
    private Path dir;
    private String token;
    private WebSession operator;

    @BeforeAll
    void startRecordingGateway() throws Exception {
        WebSession admin = WebSession.login(base(), "admin", "admin-demo");
        operator = WebSession.login(base(), "operator", "operator-demo");
        dir = Files.createTempDirectory("canhgac-recording-test");
        token = registerGateway(admin, GATEWAY, "que-loc").get("token").asText();
        RecordingSettings recording = RecordingSettings.defaults(dir.resolve("recordings")).withStream(RecordedStream.SUB)
                .withSegment(Duration.ofSeconds(10)).withDisk(256L << 20, 0);
        MediaSettings media = MediaSettings.defaults(dir.resolve("media-spool")).withUpload(MediaUploadSettings.DEFAULTS.withBudget(0));
        var base = gatewaySettings(token);
        gateway = new GatewayAssembly(OnvifClientSettings.DEFAULTS).start(new GatewayNodeSettings(
                base.serviceUrl(), base.token(), base.retryInitial(), base.retryMax(), base.streams(), media, base.health(),
                base.onvifThreads(), base.registryRefresh(), base.cameras(), base.live(), base.outbox(), base.link(), null, recording));
        awaitLink(GATEWAY);
        WebSession technician = WebSession.login(base(), "technician", "technician-demo");
        String deviceService = simulatorCamera();
        HttpResponse<String> onboarded = technician.send("POST", "/api/cameras/onboard", """
                {"address":"%s","username":"admin","password":"LQL-2#2026","cameraId":"LQL-2","communeId":"que-loc"}"""
                .formatted(deviceService));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isIn(201, 409); // 409: another test of this context did it
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.assignment(CAMERA).isPresent());
    }

    @AfterAll
    void stopRecordingGateway() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Autowired
    SimulatorLifecycle simulator;

    private String simulatorCamera() {
        return simulator.simulator().camera(CAMERA).onvifUrl().orElseThrow();
    }

    /** Recorded up to at least {@code until}, as the timeline API says: the first span's start. */
    private Instant recordedUntil(Instant until) {
        Instant[] start = new Instant[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode day = json.readTree(operator.get("/api/cameras/" + CAMERA + "/recordings?from=" + until.minus(1, ChronoUnit.HOURS)
                    + "&to=" + until.plus(1, ChronoUnit.HOURS)).body());
            JsonNode spans = day.path("spans");
            if (spans.isEmpty() || Instant.parse(spans.get(spans.size() - 1).get("end").asText()).isBefore(until)) {
                return false;
            }
            start[0] = Instant.parse(spans.get(0).get("start").asText());
            return true;
        });
        return start[0];
    }

    /** An instant to put an event at: now, and at least 4 s into the recording, in whole seconds. */
    private static Instant eventAfter(Instant recordingStart) {
        Instant now = Instant.now();
        Instant soonest = recordingStart.plusSeconds(4);
        return (now.isAfter(soonest) ? now : soonest).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** A motion alert on the camera at {@code at}, sent as the gateway sends events, and an incident opened from it. */
    private String incidentAt(Instant at) throws Exception {
        UUID event = UUID.randomUUID();
        EventFixtures.ingest(base(), token, event(event, CAMERA, "MOTION_START", at.toString(), ",\"score\":0.3"));
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

    /** The ZIP's files by name, and every line of manifest.sha256 checked against them. */
    private static Map<String, byte[]> checkedZip(byte[] zip) throws Exception {
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

    private JsonNode awaitExport(String incident, String state) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                json.readTree(operator.get("/api/incidents/" + incident + "/recordings").body()).get(0), x -> x.get("state").asText().equals(state));
    }

    @Test
    void theTimelinePlaysBackThroughTheCentreAndARangeBecomesEvidenceWithItsHash() throws Exception {
        Instant first = recordedUntil(Instant.now());
        Instant event = eventAfter(first);
        recordedUntil(event.plusSeconds(3));
        String incident = incidentAt(event);

        // playback from the event, through the centre's live server: a keyframe first, dated at or before the instant
        JsonNode ticket = json.readTree(operator.send("POST", "/api/playback/tickets",
                "{\"cameraId\":\"" + CAMERA + "\",\"stream\":\"main\",\"from\":\"" + event + "\",\"speed\":\"2\"}").body());
        long asked = System.nanoTime();
        try (TestViewer viewer = TestViewer.connect(ticket.get("url").asText())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !viewer.fragments().isEmpty());
            System.out.printf("playback: %d ms from the playback request to the first picture (local loopback link)%n",
                    (System.nanoTime() - asked) / 1_000_000);
            assertThat(viewer.texts.get(0)).contains("\"type\":\"init\"", "\"width\":640");
            assertThat(TestViewer.keyframe(viewer.fragments().get(0))).isTrue();
            Instant startAt = Instant.parse(json.readTree(viewer.texts.get(1)).get("at").asText());
            assertThat(startAt).isBetween(first, event);
            GatewayLink link = awaitLink(GATEWAY);
            assertThat(link.liveSessions()).as("one gateway session for the one viewer").isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> awaitLink(GATEWAY).liveSessions() == 0);

        // a range into the incident's evidence: remuxed at the gateway, uploaded, in the ZIP with its hash
        HttpResponse<String> export = operator.send("POST", "/api/incidents/" + incident + "/recordings", "{\"cameraIds\":[\"" + CAMERA
                + "\"],\"from\":\"" + event.minusSeconds(2) + "\",\"to\":\"" + event.plusSeconds(3) + "\"}");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(202);
        JsonNode arrived = awaitExport(incident, "ARRIVED");
        Map<String, byte[]> zip = checkedZip(operator.download("/api/incidents/" + incident + "/evidence.zip").body());
        String mp4 = zip.keySet().stream().filter(n -> n.endsWith(arrived.get("id").asText() + ".mp4")).findFirst().orElseThrow();
        assertThat(new String(zip.get(mp4), 4, 4)).isEqualTo("ftyp");
        assertThat(new String(zip.get("manifest.json"))).contains("\"kind\" : \"RECORDING\"", arrived.get("sha256").asText());

        // closing the incident releases the hold at the gateway
        assertThat(operator.send("POST", "/api/incidents/" + incident + "/status", "{\"status\":\"CLOSED\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !json.readTree(operator.get("/api/incidents/" + incident + "/recordings").body()).get(0).get("held").asBoolean());
    }

    @Test
    void inChromiumAnEventOnTheTimelinePlaysAndItsRangeIsExportedIntoTheIncident() throws Exception {
        Instant event = eventAfter(recordedUntil(Instant.now()));
        recordedUntil(event.plusSeconds(3));
        String incident = incidentAt(event);
        HeadlessChromium chromium = new HeadlessChromium();
        try {
            var driver = chromium.driver();
            chromium.signIn(base(), "operator", "operator-demo", 15);
            // as from an alert's "play back from this moment", a little before the event
            driver.get(base() + "/#/playback/" + CAMERA + "@" + event.minusSeconds(20));
            // a day bar has a minute a pixel: zoomed to a minute around the clock, seconds apart are apart
            new Select(chromium.waitFor(By.id("pb-zoom"), 10, WebElement::isDisplayed)).selectByValue("60000");
            WebElement mark = chromium.waitFor(By.cssSelector(".pb-timeline .pb-event[data-at='" + event + "']"), 10, WebElement::isDisplayed);
            assertThat(driver.findElements(By.cssSelector(".pb-timeline .pb-span"))).isNotEmpty();
            mark.click();
            WebElement video = chromium.waitFor(By.cssSelector(".pb-row video"), 5, WebElement::isDisplayed);
            await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) chromium.script(
                    "return arguments[0].videoWidth", video)).intValue() == 640);
            double playing = ((Number) chromium.script("return arguments[0].currentTime", video)).doubleValue();
            await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) chromium.script(
                    "return arguments[0].currentTime", video)).doubleValue() > playing + 1.0);
            Instant startAt = Instant.parse(chromium.script("return arguments[0].dataset.startAt", video));
            assertThat(startAt).isBeforeOrEqualTo(event).isAfter(event.minusSeconds(15));

            // the range around the event, exported from the incident's page
            driver.get(base() + "/#/incidents/" + incident);
            WebElement form = chromium.waitFor(By.id("incident-recording-form"), 10, WebElement::isDisplayed);
            chromium.script("arguments[0].elements.day.value = arguments[1]; arguments[0].elements.from.value = arguments[2];"
                    + " arguments[0].elements.to.value = arguments[3];", form, DISTRICT_DAY.format(event),
                    DISTRICT_TIME.format(event.minusSeconds(2)), DISTRICT_TIME.format(event.plusSeconds(3)));
            driver.findElement(By.id("incident-recording-export")).click();
            chromium.waitFor(By.cssSelector("#incident-recordings tr[data-state='ARRIVED']"), 30, WebElement::isDisplayed);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            String zip64 = (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch(document.getElementById('incident-evidence').href).then(r => r.arrayBuffer())"
                    + ".then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });");
            Map<String, byte[]> files = checkedZip(Base64.getDecoder().decode(zip64));
            assertThat(files.keySet()).anyMatch(n -> n.startsWith("media/" + CAMERA + "/") && n.endsWith(".mp4"));
        } finally {
            chromium.close();
        }
    }
}
