package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.WebSession;
import io.canhgac.event.alert.AlertKind;
import io.canhgac.event.alert.GatewayAlerts;
import io.canhgac.event.gateway.GatewayRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The technician's pages (registry, zones and a camera's page) under the checks the operator's pages have in
 * {@link WebUiBrowserTest}: every string switches between Vietnamese and English, nothing runs off
 * a 1366x768 laptop or an 800x1280 tablet, and a camera can be renamed by keyboard alone. The pages
 * are filled first (a sweep, an open editor, an import with a refused row, a saved zone) so the
 * checks see what a technician sees, not empty forms. Four ONVIF cameras, registered at start.
 */
@SpringBootTest(classes = DistrictServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "canhgac.database.embedded.data-dir=",
                "canhgac.accounts.demo=true",
                "canhgac.inventory=src/test/resources/tech-layout-district.yaml",
                "canhgac.simulator.per-camera-addresses=true",
                "canhgac.simulator.rtsp-port=0",
                "canhgac.simulator.onvif-port=0",
                "canhgac.simulator.main-streams=false",
                "canhgac.simulator.control-port=-1",
                "canhgac.simulator.scene-cache=target/scene-cache",
                "canhgac.gateway.sweep-answer-wait=2s"})
@Import(EndToEndTest.Scenes.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TechnicianLayoutBrowserTest {

    static final List<String> PAGES = List.of("registry", "zones", "gateways");
    static final int[][] SIZES = {{1366, 768}, {800, 1280}};

    @LocalServerPort
    int port;
    @Autowired
    SimulatorLifecycle simulator;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    GatewayAlerts gatewayAlerts;

    private final ObjectMapper json = new ObjectMapper();
    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeAll
    void startBrowserWhenEveryCameraIsOnboarded() throws Exception {
        chromium = new HeadlessChromium();
        driver = chromium.driver();
        WebSession admin = WebSession.login(base(), "admin", "admin-demo");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode list = json.readTree(admin.get("/api/cameras").body());
            int ready = 0;
            for (JsonNode c : list) {
                boolean onvif = !c.path("registration").path("deviceService").asText().isEmpty();
                ready += onvif && c.get("status").asText().equals("ONLINE") ? 1 : 0;
            }
            return ready == 4;
        });
    }

    @AfterAll
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void laptopScreen() {
        chromium.viewport(1366, 768);
    }

    @Test
    void everyTechnicianStringSwitchesLanguageBothWays() throws Exception {
        signIn();
        fillTheRegistryPage();
        // a stored-account check: the other kind of result line
        driver.findElement(By.id("cred-test-stored")).click();
        chromium.waitFor(By.cssSelector("#cred-result.ok"), 30, e -> e.getText().startsWith("Camera chấp nhận"));

        // the gateways: the in-process one holds no commune, so every camera is the shared gateway's
        open("gateways");
        chromium.waitFor(By.cssSelector("#gateway-list li[data-gateway='district'] .gateway-state"), 10,
                e -> e.getAttribute("data-state").equals("REACHABLE"));
        open("registry");
        assertThat(driver.findElement(By.cssSelector("#registry-cameras tr[data-camera='PH-A'] td.gateway-cell")).getText())
                .isEqualTo("Gateway chung");
        assertThat(driver.findElements(By.cssSelector("#sweep-communeId option"))).hasSizeGreaterThan(1);
        // every new string in both languages, none twice
        Map<String, Object> report = chromium.script("return App.i18nReport()");
        assertThat((List<?>) report.get("onlyVi")).as("keys only Vietnamese has").isEmpty();
        assertThat((List<?>) report.get("onlyEn")).as("keys only English has").isEmpty();
        assertThat((List<?>) report.get("duplicates")).as("keys defined twice").isEmpty();
        for (String key : List.of("GATEWAY_SILENT", "GATEWAY_OUTBOX", "problem_GATEWAY_UNAVAILABLE", "navGateways",
                "gatewayState_SILENT", "gatewayState_CONNECTED", "alertLastContact", "sweepCommune", "gwOutbox")) {
            assertThat(chromium.<Boolean>script("return !!MESSAGES.vi[arguments[0]] && !!MESSAGES.en[arguments[0]]"
                    + " && MESSAGES.vi[arguments[0]] !== MESSAGES.en[arguments[0]]", key)).as(key).isTrue();
        }

        List<String> englishOnly = chromium.script(
                "return Object.keys(MESSAGES.en).filter(k => MESSAGES.en[k] !== MESSAGES.vi[k]).map(k => MESSAGES.en[k])");
        for (String page : PAGES) {
            open(page);
            assertThat(chromium.visibleTexts()).as("Vietnamese page %s shows no English string", page)
                    .isNotEmpty().doesNotContainAnyElementsOf(englishOnly);
        }
        openCameraPage();
        assertThat(chromium.visibleTexts()).as("Vietnamese camera page shows no English string")
                .isNotEmpty().doesNotContainAnyElementsOf(englishOnly);
        open("zones");
        // a zone saved by keyboard (showing the page again starts afresh, so the language is switched right here)
        chromium.waitFor(By.cssSelector("#zones-camera option[value='PH-A']"), 10, e -> true);
        WebElement overlay = driver.findElement(By.id("zones-overlay"));
        chromium.script("arguments[0].focus()", overlay);
        overlay.sendKeys(Keys.ENTER, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
        driver.findElement(By.id("zones-save")).click();
        chromium.waitFor(By.cssSelector("#zones-result.ok"), 10, e -> e.getText().startsWith("Đã lưu"));
        assertThat(chromium.visibleTexts()).doesNotContainAnyElementsOf(englishOnly);

        driver.findElement(By.id("lang")).sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.id("zones-result")).getText()).isEqualTo("Saved: 1 watched zones, 0 masks");
        assertThat(chromium.visibleTexts()).as("English zones page with its result")
                .noneMatch(s -> s.toLowerCase().matches(".*" + WebUiBrowserTest.VIETNAMESE + ".*"));
        for (String page : PAGES) {
            open(page);
            assertThat(chromium.visibleTexts()).as("English page %s shows no Vietnamese outside server data", page)
                    .noneMatch(s -> s.toLowerCase().matches(".*" + WebUiBrowserTest.VIETNAMESE + ".*"));
            chromium.screenshot("english", "technician-" + page);
        }
        openCameraPage();
        assertThat(chromium.visibleTexts()).as("English camera page shows no Vietnamese outside server data")
                .noneMatch(s -> s.toLowerCase().matches(".*" + WebUiBrowserTest.VIETNAMESE + ".*"));
        assertThat(driver.findElement(By.id("camera-page-last-frame")).getText()).matches("\\d+ s ago");
        chromium.screenshot("english", "technician-camera");
        // the result lines mix our words with server data (marked raw, so the check above skips them): they follow too
        open("registry");
        assertThat(driver.findElement(By.id("sweep-status")).getText()).startsWith("Done: Asked 20 of 20 addresses, found 4 cameras");
        assertThat(driver.findElement(By.cssSelector("#camera-edit-form h4")).getText()).isEqualTo("Edit camera PH-A");
        assertThat(driver.findElement(By.id("edit-result")).getText()).isEqualTo("Camera PH-A saved.");
        assertThat(driver.findElement(By.id("cred-result")).getText()).startsWith("The camera took the account: Hikvision");
        assertThat(driver.findElement(By.id("import-status")).getText()).isEqualTo("Done: 0 cameras added, 2 refused.");
        assertThat(driver.findElement(By.cssSelector("#found-cameras tr[data-address='127.0.95.11']")).getText())
                .contains("Registered: PH-A");

        driver.findElement(By.id("lang")).sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        for (String page : PAGES) {
            open(page);
            assertThat(chromium.visibleTexts()).as("page %s back in Vietnamese", page).doesNotContainAnyElementsOf(englishOnly);
        }
        openCameraPage();
        assertThat(chromium.visibleTexts()).as("camera page back in Vietnamese").doesNotContainAnyElementsOf(englishOnly);
        assertThat(driver.findElement(By.id("camera-page-last-frame")).getText()).matches("\\d+ giây trước");
        open("registry");
        assertThat(driver.findElement(By.id("sweep-status")).getText()).startsWith("Xong: Đã hỏi 20/20 địa chỉ");
        assertThat(driver.findElement(By.cssSelector("#camera-edit-form h4")).getText()).isEqualTo("Sửa camera PH-A");
        assertThat(driver.findElement(By.id("edit-result")).getText()).isEqualTo("Đã lưu camera PH-A.");
        assertThat(driver.findElement(By.id("import-status")).getText()).isEqualTo("Xong: thêm 0 camera, từ chối 2.");
        assertThat(chromium.<List<?>>script("return App.i18nReport().missing")).as("keys asked for but missing").isEmpty();
        assertThat(chromium.scriptErrors()).as("uncaught script errors").isEmpty();
    }

    @Test
    void theTechnicianPagesFitALaptopAndATabletScreen() throws Exception {
        signIn();
        fillTheRegistryPage();
        for (int[] size : SIZES) {
            fits(size, "");
        }
        // English words run longer: the same checks again, largest screen last
        driver.findElement(By.id("lang")).sendKeys(Keys.ENTER);
        fits(SIZES[1], "-en");
        fits(SIZES[0], "-en");
        assertThat(chromium.scriptErrors()).as("uncaught script errors").isEmpty();
    }

    private void fits(int[] size, String language) {
        chromium.viewport(size[0], size[1]);
        String at = size[0] + "x" + size[1] + language;
        for (String page : PAGES) {
            open(page);
            if (page.equals("zones")) {
                chromium.waitFor(By.cssSelector("#zones-camera option[value='PH-A']"), 10, e -> true);
                WebElement canvas = driver.findElement(By.cssSelector(".zones-canvas"));
                assertThat(canvas.getRect().getWidth()).as("zones picture at %s", at).isGreaterThan(size[0] / 2)
                        .isLessThanOrEqualTo(size[0]);
            }
            long scrollWidth = chromium.script("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).as("%s at %s: no sideways scrolling", page, at).isLessThanOrEqualTo(size[0]);
            for (String control : List.of("#nav-list a", "#lang", "#sound", "#logout button")) {
                driver.findElements(By.cssSelector(control)).forEach(e -> chromium.assertOnScreen(e, size[0], page + " " + control));
            }
            // every shown thing of the page inside the screen; only the registry table may scroll in its own box
            assertThat(outsideTheScreen(page, size[0])).as("%s at %s: cut off at the sides", page, at).isEmpty();
            chromium.script("window.scrollTo(0, 0)");
            chromium.screenshot(size[0] + "x" + size[1], "technician-" + page + language);
        }
        // a camera's page (reached from the registry), with its long name, stream figures and week bar
        openCameraPage();
        long cameraPageWidth = chromium.script("return document.documentElement.scrollWidth");
        assertThat(cameraPageWidth).as("camera page at %s: no sideways scrolling", at).isLessThanOrEqualTo(size[0]);
        for (String control : List.of("#nav-list a", "#lang", "#logout button", "#camera-page-select", "#camera-page-bar",
                "#camera-page-name", "#camera-page-fps", "#camera-page-history li")) {
            List<WebElement> found = driver.findElements(By.cssSelector(control));
            assertThat(found).as("camera page %s", control).isNotEmpty();
            found.forEach(e -> chromium.assertOnScreen(e, size[0], at + " camera page " + control));
        }
        assertThat(driver.findElement(By.id("camera-page-bar")).getRect().getWidth()).as("week bar at %s", at)
                .isGreaterThan(size[0] / 2);
        assertThat(outsideTheScreen("camera", size[0])).as("camera page at %s: cut off at the sides", at).isEmpty();
        chromium.script("window.scrollTo(0, 0)");
        chromium.screenshot(size[0] + "x" + size[1], "technician-camera" + language);
        // the editor and the import, scrolled to as a technician would: every control usable
        open("registry");
        for (String control : List.of("#camera-edit-form input", "#camera-edit-form select", "#camera-edit-form button",
                "#camera-cred-form input", "#camera-cred-form button", "#import-form input", "#import-form button",
                "#import-form a", "#import-results td", "#found-cameras button, #found-cameras td")) {
            List<WebElement> found = driver.findElements(By.cssSelector(control));
            assertThat(found).as(control).isNotEmpty();
            found.forEach(e -> chromium.assertOnScreen(e, size[0], at + " " + control));
        }
        WebElement table = driver.findElement(By.cssSelector("#page-registry .table-wrap"));
        chromium.assertOnScreen(table, size[0], at + " registry table box");
        chromium.script("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("camera-edit-form")));
        chromium.screenshot(size[0] + "x" + size[1], "technician-registry-edit" + language);
        chromium.script("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("import-form")));
        chromium.screenshot(size[0] + "x" + size[1], "technician-registry-import" + language);
    }

    @Test
    void aSilentGatewaysAlertReadsOnTheDeskInBothLanguages() throws Exception {
        UUID id = gateways.register("thon-5-gw", "admin", "127.0.0.1").orElseThrow().gateway().id();
        Instant lastContact = Instant.parse("2026-11-22T01:02:03Z");
        try {
            gatewayAlerts.raise(id, AlertKind.GATEWAY_SILENT, Instant.now(), lastContact);
            signIn();
            open("alerts");
            WebElement card = chromium.waitFor(By.cssSelector(".alert-card[data-gateway='thon-5-gw']"), 10, WebElement::isDisplayed);
            assertThat(card.findElement(By.tagName("h3")).getText()).isEqualTo("Gateway mất liên lạc");
            assertThat(card.findElement(By.cssSelector(".meta")).getText()).contains("Gateway thon-5-gw")
                    .contains("không giữ xã nào").contains("liên lạc cuối 08:02:03 22/11/2026");
            assertThat(card.findElements(By.cssSelector(".action-openIncident"))).as("not an incident").isEmpty();
            driver.findElement(By.id("lang")).sendKeys(Keys.ENTER);
            WebElement english = chromium.waitFor(By.cssSelector(".alert-card[data-gateway='thon-5-gw'] h3"), 5,
                    e -> e.getText().equals("Gateway silent"));
            assertThat(english.findElement(By.xpath("..")).findElement(By.cssSelector(".meta")).getText())
                    .contains("holds no commune").contains("last contact 22/11/2026, 08:02:03");
            driver.findElement(By.id("lang")).sendKeys(Keys.ENTER);
        } finally {
            gatewayAlerts.clear(id, AlertKind.GATEWAY_SILENT, "test over", Instant.now());
            gateways.revoke(id, "admin", "127.0.0.1");
        }
    }

    @Test
    void aTechnicianRenamesACameraByKeyboardAloneOnATablet() throws Exception {
        chromium.viewport(800, 1280);
        signIn();
        WebElement link = chromium.tabUntil(e -> "nav-registry".equals(e.getAttribute("id")));
        assertVisibleFocus(link);
        link.sendKeys(Keys.ENTER);
        chromium.waitFor(By.id("page-registry"), 5, WebElement::isDisplayed);
        chromium.waitFor(By.cssSelector("#registry-cameras tr[data-camera='DH-A']"), 10, WebElement::isDisplayed);

        WebElement edit = chromium.tabUntil(e -> e.getAttribute("class").contains("action-edit")
                && "DH-A".equals(e.findElement(By.xpath("ancestor::tr")).getAttribute("data-camera")));
        assertVisibleFocus(edit);
        chromium.assertOnScreen(edit, 800, "the focused Edit button");
        edit.sendKeys(Keys.ENTER);

        WebElement name = driver.switchTo().activeElement();
        assertThat(name.getAttribute("id")).as("the editor takes focus on the name").isEqualTo("edit-name");
        assertThat(name.getAttribute("value")).isEqualTo("UBND xã Đại Hồng");
        assertVisibleFocus(name);
        chromium.assertOnScreen(name, 800, "the name field");
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("UBND xã Đại Hồng, cổng chính").perform();

        WebElement save = chromium.tabUntil(e -> "edit-save".equals(e.getAttribute("id")));
        assertVisibleFocus(save);
        chromium.assertOnScreen(save, 800, "the focused Save button");
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        chromium.waitFor(By.cssSelector("#edit-result.ok"), 10, e -> e.getText().contains("DH-A"));
        chromium.waitFor(By.cssSelector("#registry-cameras tr[data-camera='DH-A']"), 10,
                r -> r.getText().contains("UBND xã Đại Hồng, cổng chính"));
        WebSession technician = WebSession.login(base(), "technician", "technician-demo");
        assertThat(json.readTree(technician.get("/api/cameras/DH-A").body()).get("name").asText())
                .isEqualTo("UBND xã Đại Hồng, cổng chính");
        chromium.screenshot("800x1280", "technician-keyboard-rename");

        // the registry is read again after a save: the keyboard user keeps their place
        WebElement still = driver.switchTo().activeElement();
        assertThat(still.getAttribute("id")).as("focus after saving").isEqualTo("edit-save");
        assertVisibleFocus(still);
        // Escape closes the editor and gives focus back to the row's Edit button
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        WebElement back = driver.switchTo().activeElement();
        assertThat(back.getAttribute("class")).contains("action-edit");
        assertThat(back.findElement(By.xpath("ancestor::tr")).getAttribute("data-camera")).isEqualTo("DH-A");
        assertVisibleFocus(back);
        assertThat(driver.findElements(By.id("camera-edit-form"))).isEmpty();
    }

    // --- helpers ---

    /** PH-A's page (the longest name) from its link in the registry, once the gateway's figures are on it. */
    private void openCameraPage() {
        open("registry");
        chromium.waitFor(By.cssSelector("#registry-cameras tr[data-camera='PH-A'] a.camera-link"), 10, WebElement::isDisplayed).click();
        chromium.waitFor(By.id("page-camera"), 5, WebElement::isDisplayed);
        chromium.waitFor(By.id("camera-page-name"), 10, e -> e.getText().startsWith("Trạm bơm thủy lợi"));
        chromium.waitFor(By.id("camera-page-fps"), 45, e -> Double.parseDouble(e.getAttribute("data-fps")) > 0);
        chromium.waitFor(By.cssSelector("#camera-page-history li"), 15, WebElement::isDisplayed);
    }

    /** A finished sweep, PH-A's editor open with a saved change, and a finished import of two refused rows. */
    private void fillTheRegistryPage() throws Exception {
        open("registry");
        driver.findElement(By.id("sweep-range")).sendKeys("127.0.95.1-127.0.95.20", Keys.ENTER);
        chromium.waitFor(By.id("sweep-status"), 30, e -> e.getText().startsWith("Xong"));
        assertThat(driver.findElements(By.cssSelector("#found-cameras tr"))).hasSize(4);

        driver.findElement(By.cssSelector("#registry-cameras tr[data-camera='PH-A'] .action-edit")).click();
        chromium.waitFor(By.id("edit-location"), 5, WebElement::isDisplayed).sendKeys("cột điện số 3, hướng ra cầu");
        driver.findElement(By.id("edit-save")).click();
        chromium.waitFor(By.cssSelector("#edit-result.ok"), 10, e -> e.getText().contains("PH-A"));

        // a wrong password and a row the server cannot read: each refused with our words and the server's detail
        Path csv = Files.createTempFile("cameras-import", ".csv");
        Files.writeString(csv, "\ufeffid,name,commune,device_service,latitude,longitude,username,password\r\n"
                + "PH-Z,Camera thử ở chợ,phuoc-hoa," + simulator.simulator().camera("PH-B").onvifUrl().orElseThrow()
                + ",15.75,108.03,admin,sai-mat-khau\r\n"
                + "DH-Z,Thiếu địa chỉ,dai-hong,,15.71,107.99,admin,x\r\n");
        driver.findElement(By.id("import-file")).sendKeys(csv.toString());
        driver.findElement(By.id("import-submit")).click();
        chromium.waitFor(By.cssSelector("#import-status.ok"), 60, e -> e.getText().startsWith("Xong"));
        assertThat(driver.findElements(By.cssSelector("#import-results tr.refused"))).hasSize(2);
    }

    private List<String> outsideTheScreen(String page, int width) {
        return ScreenFit.outside(chromium, driver.findElement(By.id("page-" + page)), width);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void signIn() {
        chromium.signIn(base(), "technician", "technician-demo", 15);
    }

    private void open(String page) {
        driver.findElement(By.id("nav-" + page)).click();
        chromium.waitFor(By.id("page-" + page), 5, WebElement::isDisplayed);
    }

    private void assertVisibleFocus(WebElement focused) {
        String style = chromium.script("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth", focused);
        assertThat(style).as("focus outline of %s", focused.getAttribute("id") + " " + focused.getText())
                .doesNotStartWith("none").doesNotEndWith(" 0px");
    }
}
