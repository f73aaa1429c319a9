package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The UI in a real browser (Debian's chromium, headless) against the whole system: embedded
 * PostgreSQL, four simulated cameras, the in-process gateway and the event-service. Alerts are
 * raised by posting events through the ingest API with the gateway's token, as a commune gateway
 * would; one camera is powered off in the simulator so the map has a status other than online.
 */
@DirtiesContext
class WebUiBrowserTest extends UiDistrictBrowserTest {

    static final ZoneId HO_CHI_MINH = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<String> PAGES = List.of("alerts", "events", "map", "live", "incidents", "reports");
    /** Vietnamese letters with diacritics: none may show in the English UI outside server data. */
    static final String ONE_PIXEL_PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    static final String VIETNAMESE = "[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void waitForTheDistrict() throws Exception {
        simulator.simulator().camera("SV-B").powerOff();
        WebSession admin = WebSession.login(base(), "admin", "admin-demo");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(admin).equals(
                Map.of("QL-A", "ONLINE", "QL-B", "ONLINE", "SV-A", "ONLINE", "SV-B", "OFFLINE")));
    }

    @BeforeEach
    void laptopScreen() {
        chromium.viewport(1366, 768);
    }

    @Test
    void operatorSeesAnAlertArriveLiveHearsItAndHandlesItByKeyboard() throws Exception {
        signIn("operator", "operator-demo");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(chromium.texts(By.cssSelector("#nav-list a > span[data-i18n]"))).containsExactly("Bàn cảnh báo", "Sự kiện", "Bản đồ camera",
                "Xem trực tiếp", "Xem lại", "Vụ việc", "Báo cáo");

        // keyboard from the top: the skip link comes first, is visible when focused, and moves focus to the content
        chromium.tab();
        WebElement skip = driver.switchTo().activeElement();
        assertThat(skip.getAttribute("id")).isEqualTo("skip");
        assertThat(skip.getRect().getY()).as("the focused skip link is on screen").isGreaterThanOrEqualTo(0);
        assertVisibleFocus(skip);
        skip.sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

        chromium.script("window.notReloaded = true");
        long beepsBefore = chromium.<Long>script("return App.sound.played");
        Instant at = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        UUID eventId = postEvent("QL-A", "MOTION_START", at);

        // pushed over SSE: the card appears without a reload, with a beep, a snapshot slot and the time in Hồ Chí Minh
        WebElement card = chromium.waitForCount(By.cssSelector(".alert-card[data-event='" + eventId + "']"), 1).get(0);
        assertThat(card.getAttribute("data-state")).isEqualTo("OPEN");
        assertThat(card.findElement(By.cssSelector(".camera")).getText()).isEqualTo("Chợ xã (QL-A)");
        assertThat(chromium.<Boolean>script("return window.notReloaded === true")).as("no reload").isTrue();
        assertThat(chromium.<Long>script("return App.sound.played")).as("one beep").isEqualTo(beepsBefore + 1);
        assertThat(card.findElement(By.cssSelector("h3")).getText()).isEqualTo("Phát hiện chuyển động");
        // no snapshot yet (the gateway sends it after the peak; this event was posted by hand): the placeholder
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> card.findElement(By.cssSelector(".snapshot")).getText()
                .equals("Chưa có ảnh chụp"));
        String shownTime = card.findElement(By.cssSelector("time")).getText();
        assertThat(shownTime).contains(DateTimeFormatter.ofPattern("HH:mm:ss").format(at.atZone(HO_CHI_MINH)))
                .contains(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(at.atZone(HO_CHI_MINH)));
        WebElement incident = card.findElement(By.cssSelector(".action-openIncident"));
        assertThat(incident.isEnabled()).as("the incidents page provides the hook (IncidentBrowserTest clicks it)").isTrue();
        chromium.screenshot("desk", "alerts-new-alert");

        // Tab to this alert's Acknowledge button and press Enter
        String alertId = card.getAttribute("data-id");
        WebElement acknowledge = chromium.tabUntil(e -> "alert-action".equals(role(e)) && e.getText().equals("Tiếp nhận")
                && alertId.equals(e.findElement(By.xpath("ancestor::li")).getAttribute("data-id")));
        assertVisibleFocus(acknowledge);
        acknowledge.sendKeys(Keys.ENTER);
        chromium.waitFor(By.cssSelector(".alert-card[data-id='" + alertId + "'][data-state='ACKNOWLEDGED'] .state"), 5,
                s -> s.getText().equals("Đã tiếp nhận bởi operator"));
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.findElement(By.xpath("ancestor::li")).getAttribute("data-id"))
                .as("focus stays on the handled alert").isEqualTo(alertId);

        // a note, by keyboard too: the focused Note button opens a field; Enter saves it
        assertThat(focused.getText()).isEqualTo("Ghi chú");
        focused.sendKeys(Keys.SPACE);
        WebElement note = driver.switchTo().activeElement();
        assertThat(note.getTagName()).isEqualTo("input");
        note.sendKeys("Đã cử tổ tuần tra", Keys.ENTER);
        chromium.waitFor(By.cssSelector(".alert-card[data-id='" + alertId + "'] .state"), 5, s -> s.getText().contains("1 ghi chú"));

        WebSession operator = WebSession.login(base(), "operator", "operator-demo");
        JsonNode stored = json.readTree(operator.get("/api/alerts/" + alertId).body()).get("alert");
        assertThat(stored.get("eventId").asText()).isEqualTo(eventId.toString());
        assertThat(stored.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(stored.get("handledBy").asText()).isEqualTo("operator");
        assertThat(json.readTree(operator.get("/api/alerts/" + alertId).body()).get("notes").toString()).contains("Đã cử tổ tuần tra");
        chromium.screenshot("desk", "alerts-acknowledged");

        // muted: the next alert still shows, silently; and when there is a snapshot URL (media, through the
        // hook until alerts carry one), its slot shows the picture
        driver.findElement(By.id("sound")).sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.id("sound")).getAttribute("aria-pressed")).isEqualTo("false");
        long beepsMuted = chromium.<Long>script("return App.sound.played");
        chromium.script("const url = arguments[0]; App.hooks.snapshotUrl = () => url;", ONE_PIXEL_PNG);
        UUID muted = postEvent("QL-B", "MOTION_START", Instant.now());
        WebElement picture = chromium.waitFor(By.cssSelector(".alert-card[data-event='" + muted + "'] .snapshot img"), 5,
                img -> chromium.<Boolean>script("return arguments[0].complete && arguments[0].naturalWidth === 1", img));
        assertThat(picture.getAttribute("alt")).startsWith("Ảnh chụp từ Cầu tràn");
        assertThat(chromium.<Long>script("return App.sound.played")).isEqualTo(beepsMuted);
    }

    @Test
    void theMapDrawsEachCameraWhereItIsColouredByStatusAndAsksNothingOutsideLoopback() {
        signIn("technician", "technician-demo");
        driver.findElement(By.id("nav-map")).click();
        List<WebElement> dots = chromium.waitForCount(By.cssSelector("#district-map .camera-dot"), 4);
        Map<String, WebElement> byId = new java.util.HashMap<>();
        dots.forEach(d -> byId.put(d.getAttribute("data-id"), d));
        assertThat(byId.keySet()).containsExactlyInAnyOrder("QL-A", "QL-B", "SV-A", "SV-B");
        assertThat(byId.get("SV-B").getAttribute("data-status")).isEqualTo("OFFLINE");
        assertThat(fill(byId.get("SV-B"))).isEqualTo("rgb(179, 38, 30)");
        assertThat(fill(byId.get("QL-A"))).isEqualTo("rgb(30, 125, 58)");
        // north is up and east is right: Quế Lộc (north-east) above and right of Sơn Viên
        assertThat(centre(byId.get("QL-A"))[1]).isLessThan(centre(byId.get("SV-A"))[1]);
        assertThat(centre(byId.get("QL-B"))[0]).isGreaterThan(centre(byId.get("QL-A"))[0]);
        assertThat(chromium.texts(By.cssSelector("#district-map .commune-label"))).containsExactlyInAnyOrder("Quế Lộc", "Sơn Viên");

        new Actions(driver).moveToElement(byId.get("SV-B")).click().perform();
        WebElement details = driver.findElement(By.id("camera-details"));
        assertThat(details.getText()).contains("Bến đò", "SV-B", "Sơn Viên", "Mất tín hiệu");
        // by keyboard: a camera on the map takes focus and Enter picks it
        WebElement qlb = driver.findElement(By.cssSelector("#district-map .camera-dot[data-id='QL-B']"));
        chromium.script("arguments[0].focus()", qlb);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        chromium.waitFor(By.id("camera-details"), 3, d -> d.getText().contains("Cầu tràn"));
        chromium.screenshot("map", "map-technician");

        List<String> urls = chromium.requestedUrls();
        assertThat(urls).as("the pages asked for something (the check is not empty)")
                .anyMatch(u -> u.contains("/api/cameras"));
        assertThat(urls).as("no request leaves the machine: no tiles, fonts or scripts from outside")
                .allMatch(u -> u.startsWith("data:") || u.startsWith("blob:") || loopback(URI.create(u).getHost()));
    }

    @Test
    void everyStringSwitchesLanguageAndTimesStayInHoChiMinh() throws Exception {
        signIn("operator", "operator-demo");
        Instant at = Instant.parse("2026-11-21T23:30:05Z"); // 06:30:05 on the 22nd in Hồ Chí Minh
        By card = By.cssSelector(".alert-card[data-event='" + postEvent("SV-A", "MOTION_START", at) + "']");
        chromium.waitForCount(card, 1);

        Map<String, Object> report = chromium.script("return App.i18nReport()");
        assertThat((List<?>) report.get("onlyVi")).as("keys only in Vietnamese").isEmpty();
        assertThat((List<?>) report.get("onlyEn")).as("keys only in English").isEmpty();
        assertThat((List<?>) report.get("duplicates")).as("keys two pages define").isEmpty();
        assertThat((Long) report.get("keys")).isGreaterThan(60);
        List<String> englishOnly = chromium.script(
                "return Object.keys(MESSAGES.en).filter(k => MESSAGES.en[k] !== MESSAGES.vi[k]).map(k => MESSAGES.en[k])");
        for (String page : PAGES) {
            open(page);
            assertThat(chromium.visibleTexts()).as("Vietnamese page %s shows no English string", page).doesNotContainAnyElementsOf(englishOnly);
        }

        driver.findElement(By.id("lang")).sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(chromium.texts(By.cssSelector("#nav-list a > span[data-i18n]"))).containsExactly("Alert desk", "Events", "Camera map",
                "Live wall", "Playback", "Incidents", "Reports");
        for (String page : PAGES) {
            open(page);
            assertThat(chromium.visibleTexts()).as("English page %s shows no Vietnamese outside server data", page)
                    .noneMatch(s -> s.toLowerCase().matches(".*" + VIETNAMESE + ".*"));
            chromium.screenshot("english", page);
        }
        open("alerts");
        WebElement sv = chromium.waitForCount(card, 1).get(0);
        assertThat(sv.findElement(By.cssSelector("time")).getText()).isEqualTo("22/11/2026, 06:30:05");
        assertThat(sv.findElement(By.cssSelector("h3")).getText()).isEqualTo("Motion detected");

        driver.navigate().refresh();
        chromium.waitUntilReady(10);
        assertThat(driver.findElement(By.id("lang")).getText()).as("the choice is kept").isEqualTo("Tiếng Việt");
        assertThat(chromium.<List<?>>script("return App.i18nReport().missing")).as("keys asked for but missing").isEmpty();
        assertThat(chromium.scriptErrors()).as("uncaught script errors on the pages so far").isEmpty();

        // signing out lands on the login page, still in English
        driver.findElement(By.cssSelector("#logout button")).sendKeys(Keys.ENTER);
        chromium.waitFor(By.id("logged-out"), 15, WebElement::isDisplayed);
        assertThat(driver.findElement(By.id("logged-out")).getText()).isEqualTo("Signed out.");
        assertThat(chromium.visibleTexts()).as("English login page").contains("Sign in", "Username", "Password")
                .noneMatch(s -> s.toLowerCase().matches(".*" + VIETNAMESE + ".*"));
    }

    @Test
    void everyPageFitsALaptopAndATabletScreen() {
        signIn("operator", "operator-demo");
        postEvent("QL-B", "CAMERA_TAMPER_START", Instant.now());
        for (int[] size : new int[][]{{1366, 768}, {800, 1280}}) {
            chromium.viewport(size[0], size[1]);
            for (String page : PAGES) {
                open(page);
                long scrollWidth = chromium.script("return document.documentElement.scrollWidth");
                assertThat(scrollWidth).as("%s at %dx%d: no sideways scrolling", page, size[0], size[1]).isLessThanOrEqualTo(size[0]);
                for (String control : List.of("#nav-list a", "#lang", "#sound", "#logout button")) {
                    driver.findElements(By.cssSelector(control)).forEach(e -> chromium.assertOnScreen(e, size[0], page + " " + control));
                }
                if (page.equals("alerts")) {
                    chromium.assertOnScreen(chromium.waitFor(By.cssSelector(".alert-card .action-acknowledge"), 5, WebElement::isDisplayed), size[0], "acknowledge");
                }
                if (page.equals("map")) {
                    WebElement map = chromium.waitForCount(By.cssSelector("#district-map .camera-dot"), 4).get(0)
                            .findElement(By.xpath("ancestor::*[name()='svg']"));
                    assertThat(map.getRect().getWidth()).isGreaterThan(size[0] / 2).isLessThanOrEqualTo(size[0]);
                }
                chromium.screenshot(size[0] + "x" + size[1], page);
            }
        }
    }

    @Test
    void aCommuneHeadFollowsTheirCommunesAlertsButDoesNotHandleThem() {
        postEvent("SV-A", "MOTION_START", Instant.now());
        postEvent("QL-A", "CAMERA_TAMPER_START", Instant.now());
        signIn("que-loc", "que-loc-demo");
        chromium.waitFor(By.cssSelector(".alert-card .camera"), 5, c -> c.getText().contains("QL-A"));
        assertThat(chromium.texts(By.cssSelector(".alert-card .commune"))).isNotEmpty().containsOnly("Quế Lộc");
        assertThat(driver.findElements(By.cssSelector(".alert-card button"))).as("no desk actions").isEmpty();
        open("map");
        assertThat(chromium.waitForCount(By.cssSelector("#district-map .camera-dot"), 2)).extracting(e -> e.getAttribute("data-id"))
                .containsExactlyInAnyOrder("QL-A", "QL-B");
        chromium.screenshot("commune-head", "map");
    }

    // --- helpers ---

    /** "alert-action" for a button in an alert card's actions. */
    private static String role(WebElement e) {
        return e.getTagName().equals("button") && e.getAttribute("class").contains("small") ? "alert-action" : "";
    }

    private void assertVisibleFocus(WebElement focused) {
        String style = chromium.script("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth", focused);
        assertThat(style).as("focus outline of %s", focused.getText()).doesNotStartWith("none").doesNotEndWith(" 0px");
    }

    private String fill(WebElement dot) {
        return chromium.script("return getComputedStyle(arguments[0].querySelector('circle')).fill", dot);
    }

    private double[] centre(WebElement e) {
        org.openqa.selenium.Rectangle r = e.getRect();
        return new double[]{r.getX() + r.getWidth() / 2.0, r.getY() + r.getHeight() / 2.0};
    }

    private static boolean loopback(String host) {
        return host != null && (host.startsWith("127.") || host.equals("localhost") || host.equals("[::1]"));
    }

    private UUID postEvent(String camera, String type, Instant at) {
        UUID id = UUID.randomUUID();
        String body = "[{\"id\":\"" + id + "\",\"cameraId\":\"" + camera + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at
                + "\"" + (type.startsWith("MOTION") ? ",\"score\":0.12" : "") + "}]";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/ingest/events"))
                    .header("Authorization", "Bearer " + ingestToken.value()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("STORED");
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        return id;
    }

    private Map<String, String> statuses(WebSession session) throws Exception {
        Map<String, String> out = new java.util.HashMap<>();
        json.readTree(session.get("/api/cameras").body()).forEach(c -> out.put(c.get("id").asText(), c.get("status").asText()));
        return out;
    }
}
