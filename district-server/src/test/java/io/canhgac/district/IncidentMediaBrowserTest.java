package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The incident page's evidence in a real browser: a simulated car crossing is seen by the
 * in-process gateway, which cuts a snapshot and an MP4 clip (5 s pre-roll, the crossing, 5 s
 * post-roll); the operator opens an incident from the alert on the desk, and the commune head
 * opens it from their log, where the snapshot shows and the clip plays in Chromium.
 */
@SpringBootTest(classes = DistrictServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "canhgac.database.embedded.data-dir=",
                "canhgac.accounts.demo=true",
                "canhgac.inventory=src/test/resources/incident-media-district.yaml",
                "canhgac.simulator.per-camera-addresses=false",
                "canhgac.simulator.rtsp-port=0",
                "canhgac.simulator.main-streams=false",
                "canhgac.simulator.control-port=-1",
                "canhgac.simulator.scene-cache=target/scene-cache",
                // media of its own, so other tests' files and spools are not in the way
                "canhgac.media.dir=target/incident-media/store",
                "canhgac.gateway.media-spool=target/incident-media/spool"})
@Import(EndToEndTest.Scenes.class)
@DirtiesContext // a simulated camera decoding in the background would slow the next test classes
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentMediaBrowserTest {

    static final String CAMERA = "QLO-M";
    /** The scene's crossing, from onset to end, in seconds. */
    static final double CROSSING = EndToEndTest.END - EndToEndTest.ONSET;

    @LocalServerPort
    int port;
    @Autowired
    SimulatorLifecycle simulator;

    private final ObjectMapper json = new ObjectMapper();
    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeAll
    void startBrowser() {
        chromium = new HeadlessChromium();
        driver = chromium.driver();
        chromium.viewport(1366, 768);
    }

    @AfterAll
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void signIn(String username) {
        chromium.signIn(base(), username, username + "-demo", 20);
    }

    private void open(String page) {
        driver.findElement(By.id("nav-" + page)).click();
        chromium.waitFor(By.id("page-" + page), 10, WebElement::isDisplayed);
    }

    /** The scripted crossing's event: a motion start within a second of the onset. */
    private JsonNode eventAt(WebSession session, Instant onset) throws Exception {
        for (JsonNode e : json.readTree(session.get("/api/events?camera=" + CAMERA).body())) {
            if (e.get("type").asText().equals("MOTION_START")
                    && Duration.between(onset, Instant.parse(e.get("occurredAt").asText())).abs().toMillis() < 1000) {
                return e;
            }
        }
        return null;
    }

    @Test
    void theCommuneHeadSeesTheSnapshotAndPlaysTheClipOfARealCrossing() throws Exception {
        WebSession operator = WebSession.login(base(), "operator", "operator-demo");
        await().atMost(Duration.ofSeconds(40)).until(() -> json.readTree(operator.get("/api/cameras").body())
                .findValuesAsText("status").equals(List.of("ONLINE")));
        // a crossing with the whole pre-roll watched before it
        Instant onset = simulator.simulator().camera(CAMERA).subStream().sceneOrigin()
                .plusMillis((long) (EndToEndTest.ONSET * 1000));
        while (onset.isBefore(Instant.now().plusSeconds(7))) {
            onset = onset.plusSeconds(EndToEndTest.LOOP_SECONDS);
        }
        Instant expected = onset;

        // the operator's desk: the crossing's alert becomes an incident
        signIn("operator");
        open("alerts");
        JsonNode[] event = new JsonNode[1];
        await().atMost(Duration.between(Instant.now(), expected).plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> (event[0] = eventAt(operator, expected)) != null);
        String eventId = event[0].get("id").asText();
        WebElement card = chromium.waitFor(By.cssSelector(".alert-card[data-event='" + eventId + "']"), 15, WebElement::isDisplayed);
        card.findElement(By.cssSelector("button.action-openIncident")).click();
        WebElement title = chromium.waitFor(By.id("incident-title"), 15, WebElement::isDisplayed);
        assertThat(title.getText()).contains(CAMERA).contains("Cổng chợ Quế Lộc");

        // the gateway delivers the snapshot and, after the post-roll, the clip
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() ->
                json.readTree(operator.get("/api/events/" + eventId + "/media").body()).size() == 2);
        assertThat(chromium.scriptErrors()).as("script errors on the desk and the operator's incident page").isEmpty();

        // the commune head of Quế Lộc: from the log to the incident, snapshot and clip
        signIn("que-loc");
        open("incidents");
        chromium.waitFor(By.cssSelector("#incident-rows tr[data-incident] a"), 15, e -> e.getText().contains(CAMERA)).click();
        chromium.waitFor(By.id("incident-title"), 15, WebElement::isDisplayed);
        WebElement snapshot = chromium.waitFor(By.cssSelector("#incident-media img.evidence"), 15, e -> true);
        WebElement clip = chromium.waitFor(By.cssSelector("#incident-media video.evidence"), 15, e -> true);

        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> (Boolean) chromium.script(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", snapshot));
        Map<String, Object> picture = chromium.script(
                "return {w: arguments[0].naturalWidth, h: arguments[0].naturalHeight}", snapshot);
        assertThat(picture).as("the snapshot has the camera's picture size").containsEntry("w", 640L).containsEntry("h", 360L);

        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> (Boolean) chromium.script(
                "return arguments[0].error !== null || arguments[0].readyState >= 1", clip));
        assertThat((Object) chromium.script("return arguments[0].error && arguments[0].error.message", clip))
                .as("the clip decodes in Chromium").isNull();
        double duration = ((Number) chromium.script("return arguments[0].duration", clip)).doubleValue();
        // pre-roll (5 s, from the keyframe at or before), the crossing, the detector's quiet second, post-roll (5 s);
        // the lower bound leaves room for the clip's last frames (the measured clip is about 13 s)
        System.out.printf("Incident page: clip of %.1f s, snapshot %sx%s%n", duration, picture.get("w"), picture.get("h"));
        assertThat(duration).as("clip length in seconds").isBetween(5 + CROSSING + 2, 5 + 2 + CROSSING + 2.5 + 5 + 1.0);

        // it plays, muted, and its time moves on
        String played = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " const v = arguments[0]; v.muted = true;"
                + " v.play().then(() => done('playing'), e => done('refused: ' + e));", clip).toString();
        assertThat(played).isEqualTo("playing");
        double startedAt = ((Number) chromium.script("return arguments[0].currentTime", clip)).doubleValue();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> ((Number) chromium.script(
                "return arguments[0].currentTime", clip)).doubleValue() > startedAt + 1.0);
        assertThat((Boolean) chromium.script("return arguments[0].paused", clip)).isFalse();

        // seek into the crossing (Range requests), paused there for the screenshot
        double into = ((Number) chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " const v = arguments[0]; v.pause(); v.addEventListener('seeked', () => done(v.currentTime), {once: true});"
                + " v.currentTime = arguments[1];", clip, 6.5)).doubleValue();
        assertThat(into).isCloseTo(6.5, within(0.5));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) chromium.script(
                "return arguments[0].readyState", clip)).intValue() >= 2);
        assertThat(chromium.scriptErrors()).as("script errors on the incident page").isEmpty();
        // a commune head's page has no stray words: no "null" for the desk's missing forms, every timeline kind translated
        assertThat(driver.findElement(By.id("page-incidents")).getText()).doesNotContain("null");
        assertThat(chromium.texts(By.cssSelector("#incident-timeline strong"))).isNotEmpty().noneMatch(s -> s.startsWith("TL_"));
        chromium.script("window.scrollTo(0, 0)");
        chromium.screenshot("incidents", "incident-media");

        // on an 800x1280 tablet the snapshot and the clip stay inside the screen, nothing scrolls sideways
        chromium.viewport(800, 1280);
        Map<String, Object> fit = chromium.script("const r = e => e.getBoundingClientRect();"
                + " return {page: document.documentElement.scrollWidth, img: r(arguments[0]).right, video: r(arguments[1]).right,"
                + " shown: r(arguments[1]).width};", snapshot, clip);
        assertThat(((Number) fit.get("page")).intValue()).as("page width").isLessThanOrEqualTo(800);
        assertThat(((Number) fit.get("img")).doubleValue()).isLessThanOrEqualTo(800);
        assertThat(((Number) fit.get("video")).doubleValue()).isLessThanOrEqualTo(800);
        assertThat(((Number) fit.get("shown")).doubleValue()).as("the clip is shown, not collapsed").isGreaterThan(200);
        chromium.screenshot("incidents", "incident-media-800x1280");
    }
}
