package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's chromium, headless, through Debian's chromedriver (no driver or browser download). It
 * records the page's network requests (the performance log) so a test can check where they went,
 * and has the waits and keyboard moves the tests share.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> requests = new ArrayList<>();

    HeadlessChromium() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--force-device-scale-factor=1", "--window-size=1366,768",
                // the alert beep is played without a click first, as on the desk's always-on screen
                "--autoplay-policy=no-user-gesture-required", "--no-first-run", "--disable-extensions");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL", LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    ChromeDriver driver() {
        return driver;
    }

    @SuppressWarnings("unchecked")
    <T> T script(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Signs in from a fresh page (no cookies, no stored language) and waits up to {@code seconds} for the app. */
    void signIn(String baseUrl, String username, String password, int seconds) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login.html");
        script("localStorage.clear()");
        driver.navigate().refresh();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        waitUntilReady(seconds);
    }

    /** Waits until the app's shell has drawn the user's pages (it sets body data-ready). */
    void waitUntilReady(int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .until(d -> "true".equals(script("return document.body.dataset.ready || ''")));
    }

    /** Sets the page's viewport (not the window) to exactly width x height CSS pixels. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerW = script("return window.innerWidth"), innerH = script("return window.innerHeight");
        if (innerW != width || innerH != height) {
            driver.manage().window().setSize(new Dimension(width + (int) (width - innerW), height + (int) (height - innerH)));
        }
    }

    Path screenshot(String folder, String name) {
        try {
            Path file = SCREENSHOTS.resolve(folder).resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every URL the pages asked for since the browser started (the log is drained as it is read). */
    List<String> requestedUrls() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = json.readTree(entry.getMessage()).path("message");
                String method = message.path("method").asText();
                if (method.equals("Network.requestWillBeSent")) {
                    requests.add(message.path("params").path("request").path("url").asText());
                } else if (method.equals("Network.webSocketCreated")) {
                    requests.add(message.path("params").path("url").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(requests);
    }

    void tab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
    }

    WebElement tabUntil(Predicate<WebElement> wanted) {
        for (int i = 0; i < 80; i++) {
            tab();
            WebElement focused = driver.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("never reached by Tab");
    }

    WebElement waitFor(By by, int seconds, Predicate<WebElement> wanted) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(by).stream().filter(wanted).findFirst().orElse(null));
        } catch (TimeoutException e) {
            Path shot = screenshot("failures", "waiting-for-" + by.toString().replaceAll("\\W+", "-"));
            throw new AssertionError("waited " + seconds + " s for " + by + " on " + driver.getCurrentUrl() + " (see " + shot + ")", e);
        }
    }

    List<WebElement> waitForCount(By by, int count) {
        return new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.size() == count ? found : null;
        });
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).map(String::trim).toList();
    }

    /** The visible text nodes (and aria-labels, titles) of the shell and the shown page, outside server data ([data-raw]). */
    List<String> visibleTexts() {
        return script("""
                const out = [];
                const visible = n => n && n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden';
                // server data, and words marked as another language (the switch's "Tiếng Việt") are not ours to translate
                const raw = n => n.closest('[data-raw]') || n.closest('[lang]').lang !== document.documentElement.lang;
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const p = n.parentElement;
                  if (n.textContent.trim() && visible(p) && !raw(p) && !p.closest('script')) out.push(n.textContent.trim());
                }
                document.querySelectorAll('[aria-label], [title]').forEach(e => {
                  if (!visible(e) || raw(e) || e.hasAttribute('data-raw-label')) return;
                  ['aria-label', 'title'].forEach(a => { if (e.getAttribute(a)) out.push(e.getAttribute(a)); });
                });
                return out;""");
    }

    /**
     * The page shown has no English string in Vietnamese and, switched with the header's button, no
     * Vietnamese outside server data in English; every key it asked for exists in both languages.
     * Leaves the page in Vietnamese.
     */
    void assertBothLanguages(String what) {
        List<String> englishOnly = script(
                "return Object.keys(MESSAGES.en).filter(k => MESSAGES.en[k] !== MESSAGES.vi[k]).map(k => MESSAGES.en[k])");
        assertThat(visibleTexts()).as("Vietnamese %s shows no English string", what).doesNotContainAnyElementsOf(englishOnly);
        driver.findElement(By.id("lang")).click();
        Map<String, Object> report = script("return App.i18nReport()");
        for (String problem : List.of("missing", "duplicates", "onlyVi", "onlyEn")) {
            assertThat((List<?>) report.get(problem)).as("%s: i18n %s", what, problem).isEmpty();
        }
        assertThat(visibleTexts()).as("English %s shows no Vietnamese outside server data", what)
                .noneMatch(s -> s.toLowerCase().matches(".*" + WebUiBrowserTest.VIETNAMESE + ".*"));
        driver.findElement(By.id("lang")).click();
    }

    /** Script errors the pages threw (uncaught) since the last call, from the browser console. */
    /**
     * Shown, and inside a screen {@code width} wide. The element's box is read once: each WebDriver call
     * is a round trip to chromium, and layout tests ask this of hundreds of elements.
     */
    void assertOnScreen(WebElement e, int width, String what) {
        assertThat(e.isDisplayed()).as(what + " shown").isTrue();
        Rectangle box = e.getRect();
        assertThat(box.getX()).as(what + " left edge").isGreaterThanOrEqualTo(0);
        assertThat(box.getX() + box.getWidth()).as(what + " right edge").isLessThanOrEqualTo(width);
    }

    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Uncaught")).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
