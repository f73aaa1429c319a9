package io.canhgac.district;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert becomes an incident on the operator's desk and is worked there; the commune head then
 * finds it in their commune's incident log, filters and exports it, and reads the day's report
 * with its chart, CSV and PDF. The other commune's head sees none of it.
 */
class IncidentBrowserTest extends SmallDistrictBrowserTest {

    private void postMotion(String cameraId) throws Exception {
        String body = "[{\"id\":\"" + UUID.randomUUID() + "\",\"cameraId\":\"" + cameraId + "\",\"type\":\"MOTION_START\","
                + "\"occurredAt\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"score\":0.2}]";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/ingest/events"))
                .header("Authorization", "Bearer " + ingestToken.value()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Fetches a link with the page's own session, as a click would: status and content type. */
    private Map<String, Object> fetch(String href) {
        return chromium.script("const x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                + " return {status: x.status, type: x.getResponseHeader('content-type') || ''};", href);
    }

    @Test
    void anAlertBecomesAnIncidentThatTheCommuneHeadFindsFiltersExportsAndReportsOn() throws Exception {
        signIn("operator");
        open("alerts");
        postMotion("QLA-Y");
        WebElement card = chromium.waitFor(By.cssSelector(".alert-card"), 15, e -> e.getText().contains("QLA-Y"));
        WebElement openIncident = card.findElement(By.cssSelector("button.action-openIncident"));
        assertThat(openIncident.isEnabled()).isTrue();
        openIncident.click();

        // the incident's page: from the alert, then worked
        WebElement title = chromium.waitFor(By.id("incident-title"), 10, WebElement::isDisplayed);
        assertThat(title.getText()).contains("QLA-Y").contains("Trạm y tế");
        assertThat(driver.findElement(By.id("incident-status")).getText()).isEqualTo("Mới mở");
        driver.findElement(By.cssSelector("#incident-actions button[data-status='INVESTIGATING']")).click();
        chromium.waitFor(By.id("incident-status"), 10, e -> e.getText().equals("Đang xác minh"));
        driver.findElement(By.cssSelector("#incident-note input")).sendKeys("Đã cử công an xã tới kiểm tra", Keys.ENTER);
        chromium.waitFor(By.cssSelector("#incident-timeline li"), 10, e -> e.getText().contains("Đã cử công an xã"));
        assertThat(chromium.texts(By.cssSelector("#incident-alerts li"))).singleElement().asString().contains("QLA-Y");
        chromium.screenshot("incidents", "incident-detail");

        // the commune head of Quế Lâm: the log, filtered and exported
        signIn("que-lam");
        open("incidents");
        chromium.waitFor(By.cssSelector("#incident-rows tr[data-incident]"), 10, WebElement::isDisplayed);
        new Select(driver.findElement(By.id("incident-status-filter"))).selectByValue("CLOSED");
        assertThat(driver.findElements(By.cssSelector("#incident-rows tr[data-incident]"))).isEmpty();
        new Select(driver.findElement(By.id("incident-status-filter"))).selectByValue("INVESTIGATING");
        assertThat(chromium.texts(By.cssSelector("#incident-rows tr[data-incident]"))).singleElement().asString()
                .contains("QLA-Y").contains("Đang xác minh").contains("que-lam");
        String href = driver.findElement(By.id("incident-export")).getAttribute("href");
        String csv = URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\ufeffid,title,status,communes,").contains("INVESTIGATING").contains("Trạm y tế");
        chromium.screenshot("incidents", "commune-head-log");
        // read-only for a commune head: no status buttons, no note form; the evidence ZIP downloads
        driver.findElement(By.cssSelector("#incident-rows tr[data-incident] a")).click();
        chromium.waitFor(By.id("incident-title"), 10, WebElement::isDisplayed);
        assertThat(driver.findElements(By.id("incident-actions"))).isEmpty();
        assertThat(driver.findElements(By.id("incident-note"))).isEmpty();
        Map<String, Object> zip = fetch(driver.findElement(By.id("incident-evidence")).getAttribute("href"));
        assertThat(zip.get("status")).isEqualTo(200L);
        assertThat((String) zip.get("type")).contains("zip");

        // the day's report: a bar per camera of the commune, CSV and PDF
        open("reports");
        chromium.waitFor(By.cssSelector("#report-chart .chart-row"), 15, WebElement::isDisplayed);
        assertThat(driver.findElements(By.cssSelector("#report-chart .chart-row"))).extracting(e -> e.getAttribute("data-camera"))
                .containsExactlyInAnyOrder("QLA-X", "QLA-Y");
        assertThat(driver.findElement(By.id("report-summary")).getText()).contains("Quế Lâm").contains("sự kiện");
        Map<String, Object> pdf = fetch(driver.findElement(By.id("report-pdf")).getAttribute("href"));
        assertThat(pdf.get("status")).isEqualTo(200L);
        assertThat((String) pdf.get("type")).contains("pdf");
        assertThat(fetch(driver.findElement(By.id("report-csv")).getAttribute("href")).get("status")).isEqualTo(200L);
        chromium.screenshot("reports", "commune-report");

        // Ninh Phước's head sees no incident of Quế Lâm
        signIn("ninh-phuoc");
        open("incidents");
        chromium.waitFor(By.cssSelector("#incident-rows tr"), 10, WebElement::isDisplayed);
        assertThat(driver.findElements(By.cssSelector("#incident-rows tr[data-incident]"))).isEmpty();
    }
}
