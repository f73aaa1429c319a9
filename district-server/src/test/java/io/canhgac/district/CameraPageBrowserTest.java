package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import io.canhgac.simulator.SimulatedCamera;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A technician's camera page in a real browser, fed by the in-process gateway over HTTP as a
 * commune's gateway would be: the stream's live figures of a simulated camera, then its power cut
 * and the outage in its history.
 */
class CameraPageBrowserTest extends SmallDistrictBrowserTest {

    private static String health(Instant at, String type, String status, String detail) {
        return EventFixtures.event(UUID.randomUUID(), CAMERA, type, at.toString(),
                ",\"status\":\"" + status + "\"" + (detail == null ? "" : ",\"detail\":\"" + detail + "\""));
    }

    /** A camera no other test of this context touches (they onboard, rename or switch off the others). */
    private static final String CAMERA = "SV-A";

    @Test
    void aTechnicianSeesTheStreamFiguresAndTheOutageOfAPowerCutInTheHistory() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SimulatedCamera camera = simulator.simulator().camera(CAMERA);
        WebSession technician = WebSession.login(base(), "technician", "technician-demo");
        HttpResponse<String> onboarded = technician.send("POST", "/api/cameras/onboard", json.writeValueAsString(Map.of(
                "address", camera.onvifUrl().orElseThrow(), "username", "admin", "password", "SV-a#2026", "cameraId", CAMERA)));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        // its past week as a gateway would have reported it: a night without power, an hour of frozen picture
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EventFixtures.ingest(base(), ingestToken.value(),
                health(now.minus(Duration.ofDays(6)), "CAMERA_ONLINE", "ONLINE", null),
                health(now.minus(Duration.ofDays(4)), "CAMERA_OFFLINE", "OFFLINE", "no answer on RTSP port 554"),
                health(now.minus(Duration.ofDays(4)).plus(Duration.ofHours(9)), "CAMERA_ONLINE", "ONLINE", null),
                health(now.minus(Duration.ofDays(2)), "CAMERA_OFFLINE", "DEGRADED",
                        "picture frozen: the camera sends the same image again and again"),
                health(now.minus(Duration.ofDays(2)).plus(Duration.ofHours(1)), "CAMERA_ONLINE", "ONLINE", null));
        try {
            signIn("technician");
            open("registry");
            // the registry's id cell opens the camera's page
            chromium.waitFor(By.cssSelector("#registry-cameras tr[data-camera='" + CAMERA + "'] a.camera-link"), 10,
                    WebElement::isDisplayed).click();
            chromium.waitFor(By.id("page-camera"), 5, WebElement::isDisplayed);
            assertThat(driver.getCurrentUrl()).endsWith("#/camera/" + CAMERA);
            assertThat(driver.findElements(By.id("nav-camera"))).as("reached by links, not in the navigation").isEmpty();
            assertThat(chromium.waitFor(By.id("camera-page-name"), 10, e -> !e.getText().isEmpty()).getText()).isEqualTo("Chợ Sơn Viên");
            assertThat(driver.findElement(By.id("camera-page-commune")).getText()).isEqualTo("Sơn Viên");
            assertThat(driver.findElement(By.id("camera-page-model")).getText()).isEqualTo("Dahua SD22204T-GN");
            assertThat(driver.findElement(By.id("camera-page-address")).getText()).startsWith("http://127.0.93.41:");

            // the gateway pulls it and reports its figures: a frame rate above zero, refreshed on the page
            WebElement fps = chromium.waitFor(By.id("camera-page-fps"), 45,
                    e -> Double.parseDouble(e.getAttribute("data-fps")) > 0);
            assertThat(Double.parseDouble(fps.getAttribute("data-fps"))).as("the scene's 10 fps").isBetween(5.0, 15.0);
            chromium.waitFor(By.id("camera-page-status"), 30, e -> "ONLINE".equals(e.getAttribute("data-status")));
            assertThat(driver.findElement(By.id("camera-page-bitrate")).getText()).endsWith("kbit/s").doesNotStartWith("0 ");
            assertThat(driver.findElement(By.id("camera-page-last-frame")).getText()).matches("\\d+ giây trước");
            assertThat(driver.findElement(By.id("camera-page-picture")).getText()).isEqualTo("640×360, H264");
            assertThat(driver.findElement(By.id("camera-page-late")).getText()).as("a gateway with one camera keeps up").isEqualTo("0");
            assertThat(driver.findElement(By.id("camera-page-stale")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("camera-page-uptime")).getText()).startsWith("Thời gian hoạt động:");
            assertThat(driver.findElements(By.cssSelector("#camera-page-bar rect[data-status='ONLINE']"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#camera-page-history li[data-type='CAMERA_ONLINE']"))).isNotEmpty();
            chromium.screenshot("camera", "camera-page-online");

            // the camera's own event topics, read from it through the gateway when asked
            driver.findElement(By.id("camera-page-topics-read")).click();
            WebElement motion = chromium.waitFor(By.cssSelector(
                    "#camera-page-topics li[data-topic='tns1:RuleEngine/CellMotionDetector/Motion']"), 20, WebElement::isDisplayed);
            assertThat(motion.getText()).contains("trạng thái", "IsMotion");
            assertThat(driver.findElement(By.id("camera-page-topics-note")).getText()).isEqualTo("2 loại sự kiện");

            // its PTZ presets: one saved where a typed position put it, gone back to after a step, removed
            driver.findElement(By.id("camera-ptz-read")).click();
            chromium.waitFor(By.cssSelector("#camera-ptz-presets li[data-token='1']"), 20, WebElement::isDisplayed);
            chromium.script("document.getElementById('camera-ptz-pan').value = '0.4';"
                    + "document.getElementById('camera-ptz-tilt').value = '-0.2'");
            driver.findElement(By.id("camera-ptz-go")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> Math.abs(camera.pan().orElseThrow() - 0.4) < 1e-6);
            driver.findElement(By.id("camera-ptz-preset-name")).sendKeys("Cổng chợ");
            driver.findElement(By.id("camera-ptz-save")).click();
            WebElement saved = chromium.waitFor(By.xpath("//ul[@id='camera-ptz-presets']/li[contains(., 'Cổng chợ')]"), 20,
                    WebElement::isDisplayed);
            assertThat(saved.getText()).contains("0.40, -0.20");
            String token = saved.getAttribute("data-token");
            driver.findElement(By.cssSelector("#camera-ptz button[data-step='ptzStepRight']")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> Math.abs(camera.pan().orElseThrow() - 0.5) < 1e-6);
            driver.findElement(By.cssSelector("#camera-ptz-presets li[data-token='" + token + "'] button[data-action='go']")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> Math.abs(camera.pan().orElseThrow() - 0.4) < 1e-6);
            driver.findElement(By.cssSelector("#camera-ptz-presets li[data-token='" + token + "'] button[data-action='remove']")).click();
            chromium.waitFor(By.id("camera-ptz-note"), 20, e -> e.getText().equals("Đã xóa vị trí “Cổng chợ”."));
            assertThat(driver.findElements(By.cssSelector("#camera-ptz-presets li[data-token='" + token + "']"))).isEmpty();
            assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target = '" + CAMERA + "' AND action LIKE 'PTZ_PRESET_%'"
                    + " ORDER BY id", String.class)).containsExactly("PTZ_PRESET_SAVED", "PTZ_PRESET_REMOVED");
            // and its imaging settings, read from it when asked
            driver.findElement(By.id("camera-imaging-read")).click();
            assertThat(chromium.waitFor(By.id("camera-imaging-brightness"), 20, WebElement::isDisplayed).getText()).isEqualTo("50");
            assertThat(driver.findElement(By.id("camera-imaging-exposure")).getText()).isEqualTo("Tự động");
            assertThat(driver.findElement(By.id("camera-imaging-ir-cut")).getText())
                    .isIn("Bật (ban ngày, ảnh màu)", "Tắt (ban đêm, hồng ngoại)");

            // its power is cut: OFFLINE in the history and the bar, the stream's rate falls to zero
            Instant cut = Instant.now();
            camera.powerOff();
            WebElement offline = chromium.waitFor(By.cssSelector("#camera-page-history li[data-type='CAMERA_OFFLINE']"), 40,
                    e -> !Instant.parse(e.findElement(By.tagName("time")).getAttribute("datetime")).isBefore(cut.minusSeconds(1)));
            assertThat(offline.getText()).contains("Mất tín hiệu").contains("the camera closed the stream");
            // shown in the district's time, whatever the browser's zone
            WebElement time = offline.findElement(By.tagName("time"));
            assertThat(time.getText()).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy")
                    .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(java.time.Instant.parse(time.getAttribute("datetime"))));
            chromium.waitFor(By.id("camera-page-status"), 10, e -> "OFFLINE".equals(e.getAttribute("data-status")));
            assertThat(driver.findElements(By.cssSelector("#camera-page-bar rect[data-status='OFFLINE']"))).isNotEmpty();
            chromium.waitFor(By.id("camera-page-fps"), 20, e -> Double.parseDouble(e.getAttribute("data-fps")) == 0);
            double uptime = Double.parseDouble(driver.findElement(By.id("camera-page-uptime")).getAttribute("data-uptime"));
            // unknown for the first day, then down 9 h and 1 h: about 134 h up of 168
            assertThat(uptime).isBetween(133.9 / 168, 134.1 / 168);
            assertThat(driver.findElements(By.cssSelector("#camera-page-bar rect[data-status='DEGRADED']"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("#camera-page-bar rect[data-status='UNKNOWN']"))).hasSize(1);
            chromium.waitFor(By.id("camera-page-last-frame"), 15, e -> e.getText().matches("([5-9]|\\d\\d+) giây trước"));
            chromium.screenshot("camera", "camera-page");

            java.util.List<String> englishOnly = chromium.script(
                    "return Object.keys(MESSAGES.en).filter(k => MESSAGES.en[k] !== MESSAGES.vi[k]).map(k => MESSAGES.en[k])");
            assertThat(chromium.visibleTexts()).as("Vietnamese camera page shows no English string").doesNotContainAnyElementsOf(englishOnly);

            // in English too
            driver.findElement(By.id("lang")).sendKeys(Keys.ENTER);
            chromium.waitFor(By.cssSelector("#camera-page-history li[data-type='CAMERA_OFFLINE']"), 5,
                    e -> e.getText().contains("Offline"));
            assertThat(driver.findElement(By.id("camera-page-last-frame")).getText()).matches("\\d+ s ago");
            assertThat(driver.findElement(By.id("camera-page-uptime")).getText()).startsWith("Uptime:");
            Map<String, Object> i18n = chromium.script("return App.i18nReport()");
            assertThat((java.util.List<?>) i18n.get("missing")).as("keys asked for but missing").isEmpty();
            assertThat((java.util.List<?>) i18n.get("duplicates")).as("keys two pages define").isEmpty();
            assertThat((java.util.List<?>) i18n.get("onlyVi")).as("keys only in Vietnamese").isEmpty();
            assertThat((java.util.List<?>) i18n.get("onlyEn")).as("keys only in English").isEmpty();
            assertThat(chromium.visibleTexts()).as("English camera page shows no Vietnamese outside server data")
                    .noneMatch(s -> s.toLowerCase().matches(".*" + WebUiBrowserTest.VIETNAMESE + ".*"));
            assertThat(chromium.scriptErrors()).isEmpty();
        } finally {
            camera.powerOn();
        }
        // leave the shared district as the other browser tests expect it: the camera back, no alerts left
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode c = json.readTree(technician.get("/api/cameras/" + CAMERA).body());
            return c.get("status").asText().equals("ONLINE");
        });
        EventFixtures.clearEvents(jdbc);
    }

    @Test
    void figuresFromAGatewayThatStopsReportingAreMarkedStale() throws Exception {
        // a commune's gateway reports a camera the in-process one does not pull (NP-X is not onboarded), then goes quiet
        Instant now = Instant.now();
        HttpResponse<String> put = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base() + "/api/ingest/stream-stats"))
                .header("Authorization", "Bearer " + ingestToken.value()).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        [{"cameraId":"NP-X","measuredAt":"%s","streamStatus":"ONLINE","framesPerSecond":12.5,
                          "bitsPerSecond":256000,"lastFrameAt":"%s","frames":100,"bytes":32000,"codec":"h264",
                          "width":1280,"height":720,"reconnects":0}]""".formatted(now, now.minusMillis(200)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        signIn("technician");
        driver.get(base() + "/#/camera/NP-X");
        chromium.waitFor(By.id("camera-page-fps"), 10, e -> e.getText().equals("12,5"));
        assertThat(driver.findElement(By.id("camera-page-bitrate")).getText()).isEqualTo("256 kbit/s");
        assertThat(driver.findElement(By.id("camera-page-picture")).getText()).isEqualTo("1280×720, H264");
        assertThat(driver.findElement(By.id("camera-page-stale")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("camera-page-identity")).getText()).contains("Chưa thêm vào sổ đăng ký");

        // three report periods (5 s each) without a word: stale, said so, the last figures still shown
        WebElement stale = chromium.waitFor(By.id("camera-page-stale"), 25, WebElement::isDisplayed);
        assertThat(stale.getText()).startsWith("Số liệu cũ: cổng thu không báo từ");
        assertThat(driver.findElement(By.id("camera-page-stats")).getAttribute("data-stale")).isEqualTo("true");
        assertThat(driver.findElement(By.id("camera-page-fps")).getText()).isEqualTo("12,5");
        chromium.screenshot("camera", "camera-page-stale");

        // a camera that does not exist is said so, and not asked for again and again
        driver.get(base() + "/#/camera/NO-SUCH-CAMERA");
        chromium.waitFor(By.id("camera-page-message"), 10, e -> e.getText().equals("Không có camera NO-SUCH-CAMERA."));
        java.util.function.Supplier<Long> asked = () -> chromium.requestedUrls().stream()
                .filter(u -> u.contains("/api/cameras/NO-SUCH-CAMERA")).count();
        long before = asked.get();
        assertThat(before).as("it was asked for").isPositive();
        Thread.sleep(2 * 2000 + 500); // two refresh periods of the figures
        assertThat(asked.get()).as("asked for again after the 404").isEqualTo(before);
    }
}
