package io.canhgac.district;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The technician's main path in a real browser: find the cameras of a commune network, onboard one
 * (a wrong password first, told why in Vietnamese), then see it in the registry, filter, export,
 * and watch it live: its substream on the wall, its main stream large. Then the registry's upkeep:
 * a CSV import of the two other cameras (one with a wrong password), an edit, and trying accounts.
 */
class TechnicianBrowserTest extends SmallDistrictBrowserTest {

    @Test
    void technicianFindsOnboardsAndExportsCameras() throws Exception {
        signIn("technician");
        open("registry");

        // discovery, with progress, finds the three cameras
        driver.findElement(By.id("sweep-range")).sendKeys("127.0.93.1-127.0.93.30", Keys.ENTER);
        chromium.waitFor(By.id("sweep-status"), 30, e -> e.getText().startsWith("Xong"));
        assertThat(driver.findElement(By.id("sweep-status")).getText()).contains("30/30").contains("3 camera");
        assertThat(chromium.<Object>script("return document.getElementById('sweep-progress').value")).isEqualTo(30L);
        List<WebElement> found = driver.findElements(By.cssSelector("#found-cameras tr"));
        assertThat(found).extracting(r -> r.getAttribute("data-address"))
                .containsExactlyInAnyOrder("127.0.93.11", "127.0.93.12", "127.0.93.13");
        chromium.screenshot("registry", "discovery-done");

        // onboard the first one from its row: a wrong password is refused, and the page says why
        WebElement row = driver.findElement(By.cssSelector("#found-cameras tr[data-address='127.0.93.11']"));
        assertThat(row.getText()).contains("Ngã ba Quế Lâm").contains("DS-2DE4425IW-DE").contains("que-lam");
        row.findElement(By.tagName("button")).click();
        assertThat(driver.findElement(By.id("onboard-address")).getAttribute("value")).startsWith("http://127.0.93.11:");
        driver.findElement(By.id("onboard-username")).sendKeys("admin");
        driver.findElement(By.id("onboard-password")).sendKeys("not-the-password");
        new Select(driver.findElement(By.id("onboard-communeId"))).selectByValue("que-lam");
        driver.findElement(By.id("onboard-cameraId")).sendKeys("QLA-X");
        driver.findElement(By.cssSelector("#onboard-form button[type=submit]")).click();
        WebElement refused = chromium.waitFor(By.cssSelector("#onboard-result.error"), 30, WebElement::isDisplayed);
        assertThat(refused.getText()).contains("Camera từ chối tên đăng nhập hoặc mật khẩu");
        chromium.screenshot("registry", "onboarding-refused");

        // the right password: onboarded, and in the registry with what the camera said of itself
        WebElement password = driver.findElement(By.id("onboard-password"));
        password.clear();
        password.sendKeys("QLA-x#2026", Keys.ENTER);
        WebElement done = chromium.waitFor(By.cssSelector("#onboard-result.ok"), 30, WebElement::isDisplayed);
        assertThat(done.getText()).contains("QLA-X").contains("Hikvision DS-2DE4425IW-DE").contains("rtsp://127.0.93.11:");
        WebElement registered = chromium.waitFor(By.cssSelector("#registry-cameras tr[data-camera='QLA-X']"), 10,
                r -> r.getText().contains("ONVIF"));
        assertThat(registered.getText()).contains("Hikvision DS-2DE4425IW-DE").contains("Quế Lâm");
        assertThat(driver.findElement(By.cssSelector("#registry-cameras tr[data-camera='NP-X']")).getText()).contains("Chưa thêm");
        chromium.screenshot("registry", "registry-onboarded");

        // filter by commune, and the CSV export follows the filter
        new Select(driver.findElement(By.id("registry-commune"))).selectByValue("ninh-phuoc");
        assertThat(driver.findElements(By.cssSelector("#registry-cameras tr"))).extracting(r -> r.getAttribute("data-camera"))
                .containsExactly("NP-X");
        new Select(driver.findElement(By.id("registry-commune"))).selectByValue("que-lam");
        String href = driver.findElement(By.id("registry-export")).getAttribute("href");
        String csv = URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\ufeffid,name,commune,status,");
        assertThat(csv.lines().skip(1).toList()).hasSize(2).anyMatch(l -> l.startsWith("\"QLA-X\",\"Ngã ba Quế Lâm\""))
                .noneMatch(l -> l.contains("NP-X"));
        assertThat(csv).doesNotContain("QLA-x#2026");

        // its zones: a watched zone by mouse and keyboard, a mask by keyboard alone; the gateway gets them
        open("zones");
        chromium.waitFor(By.cssSelector("#zones-camera option[value='QLA-X']"), 10, e -> true);
        WebElement overlay = driver.findElement(By.id("zones-overlay"));
        overlay.click(); // the centre: (0.5, 0.5)
        overlay.sendKeys(Keys.ARROW_RIGHT.toString().repeat(10), Keys.ENTER.toString(),
                Keys.ARROW_DOWN.toString().repeat(10), Keys.ENTER.toString());
        driver.findElement(By.id("zones-close")).click();
        driver.findElement(By.id("zones-mode-mask")).click();
        chromium.script("arguments[0].focus()", overlay);
        overlay.sendKeys(Keys.ARROW_UP.toString().repeat(20), Keys.ENTER.toString(), Keys.ARROW_LEFT.toString().repeat(20),
                Keys.ENTER.toString(), Keys.ARROW_DOWN.toString().repeat(5), Keys.ENTER.toString());
        driver.findElement(By.id("zones-save")).click();
        chromium.waitFor(By.cssSelector("#zones-result.ok"), 10, e -> e.getText().contains("1"));
        com.fasterxml.jackson.databind.JsonNode stored = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                jdbc.queryForObject("SELECT motion::text FROM camera WHERE id = 'QLA-X'", String.class));
        // the zone: the clicked centre, then 10 steps of 0.02 right, then 10 down
        com.fasterxml.jackson.databind.JsonNode zone = stored.get("zones").get(0).get("points");
        assertThat(zone).hasSize(3);
        assertThat(zone.get(1).get("x").asDouble() - zone.get(0).get("x").asDouble()).isCloseTo(0.2, within(0.0002));
        assertThat(zone.get(2).get("y").asDouble() - zone.get(1).get("y").asDouble()).isCloseTo(0.2, within(0.0002));
        assertThat(zone.get(0).get("x").asDouble()).isCloseTo(0.5, within(0.01));
        assertThat(stored.get("masks")).hasSize(1);
        assertThat(stored.get("masks").get(0).get("points")).hasSize(3);
        // drawn over the camera's own picture: a snapshot from the live server
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> chromium.<Number>script(
                "return document.getElementById('zones-picture').naturalWidth").intValue() == 640);
        chromium.screenshot("registry", "zones");
        String assigned = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base() + "/api/ingest/cameras")).header("Authorization", "Bearer " + ingestToken.value()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(assigned).contains("\"masks\":[{\"points\":[").contains("\"sensitivity\":5");

        // the live wall: the onboarded camera plays through MSE, the others say they have no picture
        driver.findElement(By.id("nav-live")).click();
        WebElement tile = chromium.waitFor(By.cssSelector("#live-grid button[data-camera='QLA-X']"), 10, WebElement::isDisplayed);
        chromium.waitFor(By.cssSelector("#live-grid button[data-camera='QLA-X'] .live-slot"), 30,
                e -> "playing".equals(e.getAttribute("data-state")));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> chromium.<Number>script(
                "const v = document.querySelector(\"#live-grid button[data-camera='QLA-X'] video\"); return v ? v.currentTime : 0")
                .doubleValue() > 1.0);
        assertThat(chromium.<Number>script(
                "return document.querySelector(\"#live-grid button[data-camera='QLA-X'] video\").videoWidth").intValue()).isEqualTo(640);
        chromium.waitFor(By.cssSelector("#live-grid button[data-camera='NP-X'] .live-slot"), 30,
                e -> "liveClosed".equals(e.getAttribute("data-state")));
        chromium.screenshot("live", "live-wall");

        // one camera large: its main stream
        tile.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> chromium.<Number>script(
                "const v = document.querySelector('#live-single-slot video'); return v ? v.videoWidth : 0").intValue() == 1280);
        chromium.screenshot("live", "live-main-stream");

        // a PTZ camera turns while "pan right" is held, and stops when it is let go
        double before = simulator.simulator().camera("QLA-X").pan().orElseThrow();
        WebElement right = driver.findElement(By.cssSelector("#live-ptz button[data-ptz='ptzRight']"));
        new org.openqa.selenium.interactions.Actions(driver).clickAndHold(right).pause(Duration.ofMillis(1500)).release().perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> simulator.simulator().camera("QLA-X").pan().orElseThrow() > before + 0.1);
        Thread.sleep(1500);
        double stopped = simulator.simulator().camera("QLA-X").pan().orElseThrow();
        Thread.sleep(1000);
        assertThat(simulator.simulator().camera("QLA-X").pan().orElseThrow()).isCloseTo(stopped, within(0.01));
        assertThat(driver.findElement(By.id("live-ptz")).getAttribute("data-error")).as("every PTZ command accepted").isNull();
        assertThat(jdbc.queryForList("SELECT target || ' ' || detail FROM audit_log WHERE action = 'LIVE_VIEW_STARTED' "
                + "AND username = 'technician'", String.class)).contains("QLA-X sub", "QLA-X main");
    }

    /** Independent of the test above: it imports QLA-Y and NP-X, which that test leaves alone. */
    @Test
    void technicianImportsACsvFileEditsACameraAndTriesAnAccount() throws Exception {
        signIn("technician");
        open("registry");

        // a file of two simulated cameras: the right password for QLA-Y, a wrong one for NP-X
        Path csv = Files.createTempFile("cameras-import", ".csv");
        Files.writeString(csv, "\ufeffid,name,commune,device_service,latitude,longitude,username,password\r\n"
                + "QLA-Y,Trạm y tế,Quế Lâm," + simulator.simulator().camera("QLA-Y").onvifUrl().orElseThrow()
                + ",15.77,108.06,admin,QLA-y#2026\r\n"
                + "NP-X,Cầu Ninh Phước,ninh-phuoc," + simulator.simulator().camera("NP-X").onvifUrl().orElseThrow()
                + ",15.70,108.10,admin,not-the-password\r\n");
        chromium.script("window.importTexts = []; new MutationObserver(() => window.importTexts.push("
                + "document.getElementById('import-status').textContent)).observe(document.getElementById('import-status'),"
                + " {childList: true, subtree: true, characterData: true})");
        driver.findElement(By.id("import-file")).sendKeys(csv.toString());
        driver.findElement(By.id("import-submit")).click();
        WebElement status = chromium.waitFor(By.cssSelector("#import-status.ok"), 90, e -> e.getText().startsWith("Xong"));
        assertThat(status.getText()).isEqualTo("Xong: thêm 1 camera, từ chối 1.");
        assertThat(chromium.<List<String>>script("return window.importTexts")).as("a working state before the answer")
                .anyMatch(text -> text.startsWith("Đang"));
        WebElement added = driver.findElement(By.cssSelector("#import-results tr[data-line='2']"));
        assertThat(added.getText()).contains("QLA-Y").contains("Đã thêm");
        WebElement refused = driver.findElement(By.cssSelector("#import-results tr[data-line='3']"));
        assertThat(refused.getAttribute("class")).isEqualTo("refused");
        assertThat(refused.getText()).contains("NP-X").contains("Camera từ chối tên đăng nhập hoặc mật khẩu");
        assertThat(jdbc.queryForObject("SELECT onboarded_at IS NOT NULL FROM camera WHERE id = 'QLA-Y'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT onboarded_at IS NULL AND password_secret IS NULL FROM camera WHERE id = 'NP-X'",
                Boolean.class)).as("nothing stored of the refused row").isTrue();
        chromium.waitFor(By.cssSelector("#registry-cameras tr[data-camera='QLA-Y']"), 10, r -> r.getText().contains("ONVIF"));
        chromium.screenshot("registry", "import-done");

        // edit its name and place: the table and the gateway's feed follow
        // the list is read again when the new camera comes online: click again if the row was redrawn under us
        chromium.waitFor(By.cssSelector("#registry-cameras tr[data-camera='QLA-Y'] .action-edit"), 10, e -> {
            e.click();
            return true;
        });
        WebElement name = chromium.waitFor(By.id("edit-name"), 5, WebElement::isDisplayed);
        assertThat(name.getAttribute("value")).isEqualTo("Trạm y tế");
        name.clear();
        name.sendKeys("Trạm y tế xã Quế Lâm");
        driver.findElement(By.id("edit-location")).sendKeys("cổng sau, cột điện số 7");
        driver.findElement(By.id("edit-save")).click();
        chromium.waitFor(By.cssSelector("#edit-result.ok"), 10, e -> e.getText().contains("QLA-Y"));
        chromium.waitFor(By.cssSelector("#registry-cameras tr[data-camera='QLA-Y']"), 10,
                r -> r.getText().contains("Trạm y tế xã Quế Lâm"));
        assertThat(jdbc.queryForObject("SELECT location FROM camera WHERE id = 'QLA-Y'", String.class))
                .isEqualTo("cổng sau, cột điện số 7");
        String assigned = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base() + "/api/ingest/cameras")).header("Authorization", "Bearer " + ingestToken.value()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(assigned).contains("\"name\":\"Trạm y tế xã Quế Lâm\"");

        // a wrong password tried on the camera: refused in Vietnamese, then in English; nothing stored
        byte[] stored = jdbc.queryForObject("SELECT password_secret FROM camera WHERE id = 'QLA-Y'", byte[].class);
        driver.findElement(By.id("cred-password")).sendKeys("wrong-password");
        driver.findElement(By.id("cred-test")).click();
        WebElement result = chromium.waitFor(By.cssSelector("#cred-result.error"), 30, WebElement::isDisplayed);
        assertThat(result.getText()).contains("Camera từ chối tên đăng nhập hoặc mật khẩu");
        chromium.screenshot("registry", "credentials-refused");
        driver.findElement(By.id("lang")).click();
        chromium.waitFor(By.cssSelector("#cred-result.error"), 5,
                e -> e.getText().contains("The camera refused the user name or password"));
        driver.findElement(By.id("cred-save")).click();
        chromium.waitFor(By.cssSelector("#cred-result.error"), 30,
                e -> e.getText().contains("The camera refused the user name or password"));
        assertThat(jdbc.queryForObject("SELECT password_secret FROM camera WHERE id = 'QLA-Y'", byte[].class)).isEqualTo(stored);

        // the stored account still works
        driver.findElement(By.id("cred-test-stored")).click();
        chromium.waitFor(By.cssSelector("#cred-result.ok"), 30, e -> e.getText().contains("The camera took the account")
                && e.getText().contains("Dahua IPC-HFW2431S"));
        assertThat(jdbc.queryForList("SELECT action || ' ' || coalesce(detail, '') FROM audit_log WHERE target = 'QLA-Y'"
                + " ORDER BY id", String.class)).contains("CAMERA_CREDENTIALS_TESTED account 'admin': BAD_CREDENTIALS",
                "CAMERA_CREDENTIALS_TESTED stored account: OK").anyMatch(a -> a.startsWith("CAMERA_EDITED name: Trạm y tế \u2192"));

        // switched off: the gateway stops pulling it (and leaves the machine to the live test), the registry keeps it
        driver.findElement(By.id("edit-enabled")).click();
        driver.findElement(By.id("edit-save")).click();
        chromium.waitFor(By.cssSelector("#registry-cameras tr[data-camera='QLA-Y']"), 10,
                r -> r.getText().contains("(switched off)"));
        String after = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base() + "/api/ingest/cameras")).header("Authorization", "Bearer " + ingestToken.value()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(after).doesNotContain("QLA-Y");
        assertThat(chromium.scriptErrors()).isEmpty();
    }
}
