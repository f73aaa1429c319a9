package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

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
    private RecordingChecks checks;

    @BeforeAll
    void startRecordingGateway() throws Exception {
        WebSession admin = WebSession.login(base(), "admin", "admin-demo");
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
        checks = new RecordingChecks(base(), WebSession.login(base(), "operator", "operator-demo"), json, token, CAMERA);
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

    @Test
    void theTimelinePlaysBackThroughTheCentreAndARangeBecomesEvidenceWithItsHash() throws Exception {
        Instant first = checks.recordedUntil(Instant.now());
        Instant event = RecordingChecks.eventAfter(first);
        checks.recordedUntil(event.plusSeconds(3));
        String incident = checks.incidentAt(event);

        // playback from the event, through the centre's live server: a keyframe first, dated at or before the instant
        long asked = System.nanoTime();
        try (TestViewer viewer = checks.playback(event, 2)) {
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

        // a range into the incident's evidence: remuxed at the gateway, uploaded, in the ZIP with its hash;
        // closing the incident releases the hold at the gateway
        JsonNode arrived = checks.exported(incident, event.minusSeconds(2), event.plusSeconds(3));
        checks.inEvidenceThenReleased(incident, arrived);
    }

    @Test
    void inChromiumAnEventOnTheTimelinePlaysAndItsRangeIsExportedIntoTheIncident() throws Exception {
        Instant event = RecordingChecks.eventAfter(checks.recordedUntil(Instant.now()));
        checks.recordedUntil(event.plusSeconds(3));
        String incident = checks.incidentAt(event);
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
            Map<String, byte[]> files = RecordingChecks.checkedZip(Base64.getDecoder().decode(zip64));
            assertThat(files.keySet()).anyMatch(n -> n.startsWith("media/" + CAMERA + "/") && n.endsWith(".mp4"));
        } finally {
            chromium.close();
        }
    }
}
