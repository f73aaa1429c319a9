package io.canhgac.district;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One headless chromium per test class on the served UI: signing in and opening a page as a person
 * would. The districts it runs on (their Spring configuration) are the subclasses'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChromiumPageTest {

    @LocalServerPort
    int port;

    HeadlessChromium chromium;
    ChromeDriver driver;

    @BeforeAll
    void startBrowser() {
        chromium = new HeadlessChromium();
        driver = chromium.driver();
    }

    @AfterAll
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    void signIn(String username, String password) {
        chromium.signIn(base(), username, password, 15);
    }

    /** A demo account, whose password is its name with "-demo". */
    void signIn(String username) {
        signIn(username, username + "-demo");
    }

    void open(String page) {
        driver.findElement(By.id("nav-" + page)).click();
        chromium.waitFor(By.id("page-" + page), 5, WebElement::isDisplayed);
    }
}
