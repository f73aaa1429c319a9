package io.canhgac.event.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.config.DistrictInventory;
import io.canhgac.event.CentreApiTest;
import io.canhgac.event.EventFixtures;
import io.canhgac.event.WebSession;
import io.canhgac.event.user.CommuneScope;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.canhgac.event.EventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One day of Quế Lộc, 2026-11-20 in Asia/Ho_Chi_Minh = [2026-11-19T17:00Z, 2026-11-20T17:00Z):
 * QL-01 comes in OFFLINE (from the day before), is ONLINE 06:00-18:00 local, then DEGRADED;
 * QL-02 is unknown until it is seen ONLINE at noon; the other cameras are never heard from.
 */
@TestPropertySource(properties = "canhgac.media.dir=target/test-media")
class CommuneReportTest extends CentreApiTest {

    private static final String QUERY = "?commune=que-loc&date=2026-11-20";

    @Autowired
    DistrictInventory inventory;
    @Autowired
    ReportService reports;

    private WebSession operator;
    private long queLocCameras;

    @BeforeEach
    void setUp() {
        EventFixtures.clearEvents(jdbc);
        jdbc.update("DELETE FROM audit_log WHERE action = 'REPORT_EXPORTED'");
        operator = signIn("operator");
        queLocCameras = inventory.cameras().stream().filter(c -> c.commune().equals("que-loc")).count();
        List<String> events = new ArrayList<>(List.of(
                health("QL-01", "CAMERA_OFFLINE", "OFFLINE", "2026-11-19T10:00:00Z"),
                health("QL-01", "CAMERA_ONLINE", "ONLINE", "2026-11-19T23:00:00Z"),
                health("QL-01", "CAMERA_OFFLINE", "DEGRADED", "2026-11-20T11:00:00Z"),
                health("QL-01", "CAMERA_ONLINE", "ONLINE", "2026-11-20T17:00:00Z"), // the next day
                health("QL-02", "CAMERA_ONLINE", "ONLINE", "2026-11-20T05:00:00Z"),
                motion("QL-01", "MOTION_START", "2026-11-19T16:59:59Z"), // 23:59:59 the day before
                motion("QL-01", "MOTION_START", "2026-11-19T17:00:00Z"),
                motion("QL-01", "MOTION_END", "2026-11-19T17:00:09Z"),
                motion("QL-01", "MOTION_START", "2026-11-20T02:00:00Z"),
                motion("QL-01", "MOTION_END", "2026-11-20T02:00:30Z"),
                motion("QL-01", "MOTION_START", "2026-11-20T16:59:59Z"),
                motion("QL-01", "MOTION_START", "2026-11-20T17:00:00Z"), // the next day
                event(UUID.randomUUID(), "QL-02", "CAMERA_TAMPER_START", "2026-11-20T03:00:00Z", "")));
        for (int i = 0; i < 5; i++) {
            events.add(motion("SV-01", "MOTION_START", "2026-11-20T0" + i + ":00:00Z"));
        }
        EventFixtures.ingest(base, "test-token", events.toArray(String[]::new));
    }

    @AfterEach
    void tearDown() {
        EventFixtures.clearEvents(jdbc);
    }

    private static String health(String camera, String type, String status, String at) {
        return event(UUID.randomUUID(), camera, type, at, ",\"status\":\"" + status + "\"");
    }

    private static String motion(String camera, String type, String at) {
        return event(UUID.randomUUID(), camera, type, at, ",\"score\":0.2");
    }

    private JsonNode read(WebSession session, String path) throws Exception {
        HttpResponse<String> r = session.get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static JsonNode camera(JsonNode report, String id) {
        for (JsonNode c : report.get("cameras")) {
            if (c.get("cameraId").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no camera " + id + " in " + report);
    }

    @Test
    void countsByTypeAndUptimeFollowTheDistrictsDayAndCarryTheStatusAcrossMidnight() throws Exception {
        JsonNode report = read(operator, "/api/reports/daily" + QUERY);
        assertThat(report.get("commune").asText()).isEqualTo("Quế Lộc");
        assertThat(report.get("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(report.get("from").asText()).isEqualTo("2026-11-19T17:00:00Z");
        assertThat(report.get("to").asText()).isEqualTo("2026-11-20T17:00:00Z");
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("periodSeconds").asLong()).isEqualTo(86_400);
        assertThat(report.get("cameras")).hasSize((int) queLocCameras);
        assertThat(report.get("cameras").findValuesAsText("cameraId")).allMatch(id -> id.startsWith("QL-"));

        JsonNode ql01 = camera(report, "QL-01");
        assertThat(ql01.at("/counts/MOTION_START").asLong()).isEqualTo(3);
        assertThat(ql01.at("/counts/MOTION_END").asLong()).isEqualTo(2);
        assertThat(ql01.at("/counts/CAMERA_ONLINE").asLong()).isEqualTo(1);
        assertThat(ql01.at("/counts/CAMERA_OFFLINE").asLong()).isEqualTo(1);
        assertThat(ql01.at("/counts/CAMERA_TAMPER_START").asLong()).isZero();
        assertThat(ql01.get("events").asLong()).isEqualTo(7);
        assertThat(ql01.get("onlineSeconds").asLong()).isEqualTo(12 * 3600);
        assertThat(ql01.get("downSeconds").asLong()).isEqualTo(12 * 3600);
        assertThat(ql01.get("unknownSeconds").asLong()).isZero();
        assertThat(ql01.get("uptime").asDouble()).isCloseTo(0.5, within(1e-9));

        JsonNode ql02 = camera(report, "QL-02");
        assertThat(ql02.at("/counts/CAMERA_TAMPER_START").asLong()).isEqualTo(1);
        assertThat(ql02.get("unknownSeconds").asLong()).isEqualTo(12 * 3600);
        assertThat(ql02.get("uptime").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(ql02.get("uptimeOfKnown").asDouble()).isCloseTo(1.0, within(1e-9));

        JsonNode ql03 = camera(report, "QL-03");
        assertThat(ql03.get("events").asLong()).isZero();
        assertThat(ql03.get("unknownSeconds").asLong()).isEqualTo(86_400);
        assertThat(ql03.get("uptime").asDouble()).isZero();
        assertThat(ql03.get("uptimeOfKnown").isNull()).isTrue();

        assertThat(report.at("/counts/MOTION_START").asLong()).as("SV-01's motion is not Quế Lộc's").isEqualTo(3);
        assertThat(report.get("events").asLong()).isEqualTo(9);
        assertThat(report.get("uptime").asDouble()).isCloseTo(1.0 / queLocCameras, within(1e-9));
    }

    @Test
    void aCommuneHeadGetsTheirOwnCommunesReportOnly() throws Exception {
        WebSession queLoc = signIn("que-loc");
        WebSession sonVien = signIn("son-vien");
        assertThat(read(queLoc, "/api/reports/daily?date=2026-11-20").get("communeId").asText()).isEqualTo("que-loc");
        assertThat(sonVien.get("/api/reports/daily" + QUERY).statusCode()).isEqualTo(404);
        assertThat(sonVien.get("/api/reports/daily.csv" + QUERY).statusCode()).isEqualTo(404);
        assertThat(sonVien.get("/api/reports/daily.pdf" + QUERY).statusCode()).isEqualTo(404);
        JsonNode own = read(sonVien, "/api/reports/daily?date=2026-11-20");
        assertThat(own.at("/counts/MOTION_START").asLong()).isEqualTo(5);
        assertThat(reports.day(CommuneScope.only("son-vien"), "son-vien", LocalDate.parse("2026-11-20"), Instant.now())
                .cameras()).allMatch(c -> c.cameraId().startsWith("SV-"));

        HttpResponse<String> noCommune = operator.get("/api/reports/daily?date=2026-11-20");
        assertThat(noCommune.statusCode()).isEqualTo(400);
        assertThat(noCommune.body()).contains("commune");
        assertThat(operator.get("/api/reports/daily?commune=que-loc&date=2999-01-01").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'REPORT_EXPORTED'", Long.class)).isZero();
    }

    @Test
    void todaysReportRunsToNow() {
        LocalDate day = LocalDate.parse("2026-11-20");
        CommuneDayReport partial = reports.day(CommuneScope.REGION, "que-loc", day, Instant.parse("2026-11-20T05:00:00Z"));
        assertThat(partial.complete()).isFalse();
        assertThat(partial.periodSeconds()).isEqualTo(12 * 3600);
        CameraDay ql01 = partial.cameras().stream().filter(c -> c.cameraId().equals("QL-01")).findFirst().orElseThrow();
        assertThat(ql01.onlineSeconds()).isEqualTo(6 * 3600);
        assertThat(ql01.counts().get(io.canhgac.contract.EventType.MOTION_START)).isEqualTo(2);
    }

    @Test
    void theCsvIsUtf8WithABomAndOneRowPerCameraAndATotal() throws Exception {
        HttpResponse<byte[]> r = operator.download("/api/reports/daily.csv" + QUERY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("bao-cao-que-loc-2026-11-20.csv");
        byte[] body = r.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(text).contains("\r\n");
        assertThat(lines).hasSize((int) queLocCameras + 2);
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            assertThat(cells).as(line).hasSize(header.size());
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.put(row.get("camera_id"), row);
        }
        Map<String, String> ql01 = rows.get("QL-01");
        assertThat(ql01.get("commune")).isEqualTo("Quế Lộc");
        assertThat(ql01.get("camera")).isEqualTo("Sân vận động xã");
        assertThat(ql01.get("MOTION_START")).isEqualTo("3");
        assertThat(ql01.get("online_seconds")).isEqualTo("43200");
        assertThat(ql01.get("uptime")).isEqualTo("0.5000");
        assertThat(rows.get("QL-03").get("uptime_of_known")).isEmpty();
        assertThat(rows.get("TOTAL").get("events")).isEqualTo("9");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'REPORT_EXPORTED' AND username = 'operator'",
                String.class)).containsExactly("CSV");
    }

    @Test
    void thePdfEmbedsAFontAndItsTextIsTheVietnameseReport() throws Exception {
        HttpResponse<byte[]> r = operator.download("/api/reports/daily.pdf" + QUERY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.write(Path.of("target/commune-report-sample.pdf"), r.body()); // to look at: pdftoppm -png
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                fonts.add(pdf.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fonts).extracting(PDFont::getName).allMatch(n -> n.contains("LiberationSans"));
            String text = Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC);
            assertThat(text).contains("Quế Lộc", "Báo cáo camera theo ngày", "Sân vận động xã", "UBND xã - cổng chính",
                    "Ngày 2026-11-20", "Chuyển động", "Mất kết nối", "50.0%", "chưa rõ trạng thái");
            assertThat(text).doesNotContain("SV-01");
        }
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'REPORT_EXPORTED'", String.class))
                .containsExactly("PDF");
    }
}
