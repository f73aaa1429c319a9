package io.canhgac.district;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.AccountFixtures;
import io.canhgac.event.WebSession;
import io.canhgac.gateway.live.TestViewer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The IT officer's accounts in a real browser: an admin makes a commune head on the accounts page,
 * the head signs in, must change the given password, sees only their commune and watches it live;
 * the admin disables them and the open page loses its live stream and its session at once; an
 * operator disabled at the live wall loses the video at once. And the login page's lockout message in
 * both languages; and, below the pages, a live viewer's close code (4430) and its refused ticket.
 */
class AccountsBrowserTest extends UiDistrictBrowserTest {

    private static final String HEAD = "chu-tich-ql";
    private static final String GIVEN = "mat-khau-tam-2026";
    private static final String CHOSEN = "đồi chè Quế Lộc buổi sáng";

    @Autowired
    CentreLiveLifecycle centreLive;

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void anAdminMakesACommuneHeadWhoChangesThePasswordWatchesTheirCommuneAndLosesTheStreamWhenDisabled() {
        signIn("admin", "admin-demo");
        open("accounts");
        chromium.waitFor(By.cssSelector("#accounts-body tr[data-account='operator']"), 10, WebElement::isDisplayed);
        type("account-username", HEAD);
        type("account-displayName", "Chủ tịch UBND xã Quế Lộc");
        new Select(driver.findElement(By.id("account-role"))).selectByValue("COMMUNE_HEAD");
        new Select(driver.findElement(By.id("account-communeId"))).selectByVisibleText("Quế Lộc");
        type("account-password", "ngắn");
        driver.findElement(By.id("account-password")).sendKeys(Keys.ENTER);
        // the browser's own minlength check, or the server's rule: either way nothing is made
        assertThat(driver.findElements(By.cssSelector("#accounts-body tr[data-account='" + HEAD + "']"))).isEmpty();
        type("account-password", GIVEN);
        driver.findElement(By.id("account-submit")).click();
        WebElement made = chromium.waitFor(By.cssSelector("#accounts-body tr[data-account='" + HEAD + "']"), 10, WebElement::isDisplayed);
        assertThat(made.findElement(By.cssSelector(".account-state")).getText()).contains("chờ đổi mật khẩu");
        assertThat(driver.findElement(By.id("account-result")).getText()).isEqualTo("Đã tạo tài khoản " + HEAD + ".");
        // disable and enable again from its row: the row follows
        made.findElement(By.cssSelector(".account-disable")).click();
        chromium.waitFor(By.cssSelector("#accounts-body tr[data-account='" + HEAD + "']"), 5,
                e -> "false".equals(e.getAttribute("data-enabled"))).findElement(By.cssSelector(".account-enable")).click();
        chromium.waitFor(By.cssSelector("#accounts-body tr[data-account='" + HEAD + "']"), 5,
                e -> "true".equals(e.getAttribute("data-enabled")));
        chromium.assertBothLanguages("accounts page");
        assertThat(chromium.scriptErrors()).isEmpty();
        chromium.screenshot("accounts", "accounts-page");

        // the head's first login leads to the password page and nowhere else
        firstSignIn(HEAD, GIVEN, CHOSEN);

        // only their commune: on the map and at the alert desk, which follows the live event stream
        open("map");
        assertThat(chromium.waitForCount(By.cssSelector("#district-map .camera-dot"), 2)).extracting(e -> e.getAttribute("data-id"))
                .containsExactlyInAnyOrder("QL-A", "QL-B");
        assertThat(driver.findElements(By.id("nav-live"))).as("commune heads have no live wall").isEmpty();
        chromium.waitFor(By.id("connection"), 10, e -> e.getAttribute("class").contains("online"));

        // the admin disables them (the accounts page's button calls this): the open page's live stream ends at once,
        // and with its session gone the page goes to the login page by itself
        AccountFixtures.disable(WebSession.login(base(), "admin", "admin-demo"), HEAD);
        chromium.waitFor(By.id("login"), 5, WebElement::isDisplayed);
        assertThat(driver.getCurrentUrl()).contains("/login.html");
        assertThat(WebSession.anonymous(base()).submitLoginFails(HEAD, CHOSEN)).isTrue();
    }

    @Test
    void anOperatorDisabledWhileWatchingTheLiveWallLosesTheVideoAtOnce() {
        String operator = "truc-ban-2";
        AccountFixtures.create(WebSession.login(base(), "admin", "admin-demo"), operator, "OPERATOR", null, GIVEN);
        firstSignIn(operator, GIVEN, CHOSEN);
        open("live");
        for (String camera : new String[]{"QL-A", "SV-A"}) {
            chromium.waitFor(By.cssSelector("#live-grid button[data-camera='" + camera + "'] .live-slot"), 30,
                    e -> "playing".equals(e.getAttribute("data-state")));
        }
        assertThat(centreLive.openViewsOf(operator)).as("a stream per playing tile").isGreaterThanOrEqualTo(2);

        AccountFixtures.disable(WebSession.login(base(), "admin", "admin-demo"), operator);
        await().atMost(Duration.ofSeconds(2)).until(() -> centreLive.openViewsOf(operator) == 0);
        chromium.waitFor(By.id("login"), 5, WebElement::isDisplayed);
        assertThat(driver.getCurrentUrl()).contains("/login.html");
    }

    @Test
    void aDisabledPersonsLiveViewsCloseWithTheirOwnCodeAndTheTicketsTheyHoldOpenNothing() throws Exception {
        String operator = "truc-ban-3";
        WebSession admin = WebSession.login(base(), "admin", "admin-demo");
        AccountFixtures.create(admin, operator, "OPERATOR", null, GIVEN);
        WebSession session = AccountFixtures.firstLogin(base(), operator, GIVEN, CHOSEN);
        String url = new ObjectMapper().readTree(session.send("POST", "/api/live/tickets",
                "{\"cameraId\":\"QL-B\",\"stream\":\"sub\"}").body()).get("url").asText();
        try (TestViewer viewer = TestViewer.connect(url)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !viewer.fragments().isEmpty());
            AccountFixtures.disable(admin, operator);
            await().atMost(Duration.ofSeconds(2)).until(() -> viewer.closed.isDone() && viewer.closed.join().code() == 4430);
        }
        // the ticket is still within its minute, but was issued before the withdrawal
        try (TestViewer again = TestViewer.connect(url)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> again.closed.isDone() && again.closed.join().code() == 4430);
            assertThat(again.bytes.get()).isZero();
        }
    }

    /** Signs in with the password an admin gave, is held on the password page, breaks a rule, then changes it. */
    private void firstSignIn(String username, String given, String chosen) {
        signIn(username, given);
        assertThat(driver.getCurrentUrl()).endsWith("/password.html");
        assertThat(driver.findElement(By.id("must-change")).isDisplayed()).isTrue();
        assertThat(chromium.texts(By.cssSelector("#password-rules li"))).hasSize(4).allMatch(s -> !s.isEmpty());
        driver.get(base() + "/#/alerts");
        assertThat(driver.getCurrentUrl()).as("no page before the change").contains("/password.html");
        chromium.waitUntilReady(5);
        type("current-password", given);
        type("new-password", username + "-demo");
        type("repeat-password", username + "-demo");
        driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        assertThat(chromium.waitFor(By.id("password-problem"), 5, WebElement::isDisplayed).getAttribute("data-problem"))
                .isEqualTo("problem_PASSWORD_HAS_USERNAME");
        type("new-password", chosen);
        type("repeat-password", chosen);
        driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
        chromium.waitFor(By.id("back-to-app"), 5, WebElement::isDisplayed).click();
        chromium.waitUntilReady(10);
    }

    @Test
    void aLockedAccountGetsItsOwnMessageInBothLanguagesUntilAnAdminUnlocksIt() {
        WebSession admin = WebSession.login(base(), "admin", "admin-demo");
        try {
            driver.manage().deleteAllCookies();
            driver.get(base() + "/login.html");
            for (int i = 0; i < 5; i++) {
                type("username", "que-loc");
                type("password", "doan-sai-" + i);
                driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
                chromium.waitFor(By.id("login"), 5, WebElement::isDisplayed);
            }
            WebElement locked = chromium.waitFor(By.id("locked"), 5, WebElement::isDisplayed);
            assertThat(locked.getText()).contains("tạm khóa").contains("15 phút");
            assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
            driver.findElement(By.id("lang")).click();
            assertThat(locked.getText()).contains("locked").contains("15 minutes");
            chromium.screenshot("accounts", "login-locked");
            driver.findElement(By.id("lang")).click();

            // the valid password does not open it
            type("username", "que-loc");
            type("password", "que-loc-demo");
            driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
            // read inside the wait: the answer replaces the page, so a #locked found a moment before may be gone
            assertThat(chromium.waitFor(By.id("locked"), 5, e -> e.isDisplayed() && "account".equals(e.getAttribute("data-locked"))))
                    .isNotNull();

            // an admin sees the lock on the accounts page and lifts it there
            signIn("admin", "admin-demo");
            open("accounts");
            chromium.waitFor(By.cssSelector("#lockouts-body tr[data-lock='ACCOUNT:que-loc'] .lock-release"), 10,
                    WebElement::isDisplayed).click();
            chromium.waitFor(By.cssSelector("#lockouts-body td.empty"), 5, WebElement::isDisplayed);
        } finally {
            admin.send("POST", "/api/lockouts/release", "{\"kind\":\"ACCOUNT\",\"key\":\"que-loc\"}"); // if the page did not
        }
        signIn("que-loc", "que-loc-demo");
        assertThat(driver.getCurrentUrl()).doesNotContain("login");
    }
}
