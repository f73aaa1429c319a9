package io.canhgac.district;

import io.canhgac.event.ingest.IngestToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Browser tests on the UI district: embedded PostgreSQL, four simulated idle cameras in two
 * communes, registered at start and pulled by the in-process gateway. The subclasses share one
 * application context (same configuration) and one headless chromium each.
 */
@SpringBootTest(classes = DistrictServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "canhgac.database.embedded.data-dir=",
                "canhgac.accounts.demo=true",
                "canhgac.inventory=src/test/resources/ui-district.yaml",
                "canhgac.simulator.per-camera-addresses=false",
                "canhgac.simulator.rtsp-port=0",
                "canhgac.simulator.main-streams=false",
                "canhgac.simulator.control-port=0",
                "canhgac.simulator.scene-cache=target/scene-cache"})
@Import(EndToEndTest.Scenes.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UiDistrictBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    SimulatorLifecycle simulator;
    @Autowired
    IngestToken ingestToken;

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
        chromium.signIn(base(), username, password, 10);
    }

    void open(String page) {
        driver.findElement(By.id("nav-" + page)).click();
        chromium.waitFor(By.id("page-" + page), 5, WebElement::isDisplayed);
    }
}
