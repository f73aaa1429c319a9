package io.canhgac.event.report;

import io.canhgac.contract.EventType;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A commune's day as a PDF table, A4 landscape, in Vietnamese. The font is Liberation Sans from
 * the PDFBox jar (it has every Vietnamese letter), embedded as a subset with its Unicode map, so
 * the file shows the same everywhere and its text can be searched and copied.
 */
final class ReportPdf {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static final float MARGIN = 36;
    private static final float ROW = 14;
    private static final float HEADER_ROW = 30;
    private static final float BODY_SIZE = 8;
    private static final float HEADER_SIZE = 6.5f;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final float[] widths;
    private final List<String> headers = new ArrayList<>();
    private PDPageContentStream page;
    private float y;
    private int pages;

    private ReportPdf(PDDocument doc) throws IOException {
        this.doc = doc;
        try (InputStream ttf = ReportPdf.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IOException("font " + FONT + " is not on the class path");
            }
            this.font = PDType0Font.load(doc, ttf, true);
        }
        List<Float> w = new ArrayList<>(List.of(40f, 150f));
        headers.addAll(List.of("Mã", "Camera"));
        for (EventType type : EventType.values()) {
            w.add(48f);
            headers.add(ReportLabels.of(type));
        }
        w.addAll(List.of(40f, 52f, 44f, 44f, 44f));
        headers.addAll(List.of("Tổng sự kiện", "Thời gian hoạt động", "Trực tuyến", "Gián đoạn", "Chưa rõ"));
        widths = new float[w.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = w.get(i);
        }
    }

    static byte[] write(CommuneDayReport report, String district) {
        try (PDDocument doc = new PDDocument()) {
            new ReportPdf(doc).render(report, district);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Báo cáo camera " + report.commune() + " " + report.date());
            info.setProducer("canhgac event-service");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF report", e);
        }
    }

    private void render(CommuneDayReport report, String district) throws IOException {
        ZoneId zone = ZoneId.of(report.zone());
        newPage();
        text(MARGIN, y, 15, "Báo cáo camera theo ngày — " + report.commune());
        y -= 18;
        text(MARGIN, y, 9, (district == null || district.isBlank() ? "" : "Huyện " + district + " · ")
                + "Ngày " + report.date() + " (" + report.zone() + "), từ " + TIME.format(report.from().atZone(zone))
                + " đến " + TIME.format(report.to().atZone(zone)) + (report.complete() ? "" : " (chưa hết ngày)"));
        y -= 14;
        text(MARGIN, y, 9, "Tổng số sự kiện: " + report.events() + " · Thời gian hoạt động trung bình: "
                + ReportLabels.percent(report.uptime()) + " · Số camera: " + report.cameras().size());
        y -= 12;
        tableHeader();
        for (CameraDay camera : report.cameras()) {
            if (y - ROW < MARGIN + 30) {
                newPage();
                tableHeader();
            }
            List<String> cells = new ArrayList<>(List.of(camera.cameraId(), camera.camera()));
            for (EventType type : EventType.values()) {
                cells.add(Long.toString(camera.counts().get(type)));
            }
            cells.addAll(List.of(Long.toString(camera.events()), ReportLabels.percent(camera.uptime()),
                    ReportLabels.hours(camera.onlineSeconds()), ReportLabels.hours(camera.downSeconds()),
                    ReportLabels.hours(camera.unknownSeconds())));
            row(cells);
        }
        List<String> total = new ArrayList<>(List.of("", "Tổng"));
        for (EventType type : EventType.values()) {
            total.add(Long.toString(report.counts().get(type)));
        }
        total.addAll(List.of(Long.toString(report.events()), ReportLabels.percent(report.uptime()), "", "", ""));
        row(total);
        y -= 14;
        text(MARGIN, y, 7.5f, ReportLabels.UPTIME_NOTE);
        page.close();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        pages++;
        y = p.getMediaBox().getHeight() - MARGIN;
        text(p.getMediaBox().getWidth() - MARGIN - 40, MARGIN - 16, 7, "Trang " + pages);
        y -= 4;
    }

    private void tableHeader() throws IOException {
        float x = MARGIN;
        float top = y;
        for (int i = 0; i < widths.length; i++) {
            List<String> lines = wrap(headers.get(i), widths[i] - 4, HEADER_SIZE);
            float ly = top - 9;
            for (String line : lines) {
                // numbers are right-aligned: so are their headings
                text(i >= 2 ? x + widths[i] - 2 - width(line, HEADER_SIZE) : x + 2, ly, HEADER_SIZE, line);
                ly -= HEADER_SIZE + 1.5f;
            }
            x += widths[i];
        }
        y = top - HEADER_ROW;
        rule(top);
        rule(y);
    }

    private void row(List<String> cells) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            String cell = fit(safe(cells.get(i)), widths[i] - 4, BODY_SIZE);
            boolean number = i >= 2;
            float cx = number ? x + widths[i] - 2 - width(cell, BODY_SIZE) : x + 2;
            text(cx, y - 10, BODY_SIZE, cell);
            x += widths[i];
        }
        y -= ROW;
        rule(y);
    }

    private void rule(float at) throws IOException {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        page.setLineWidth(0.4f);
        page.moveTo(MARGIN, at);
        page.lineTo(MARGIN + total, at);
        page.stroke();
    }

    private void text(float x, float at, float size, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, at);
        page.showText(safe(text));
        page.endText();
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Cuts a cell to its column, with an ellipsis, rather than letting it run into the next. */
    private String fit(String text, float max, float size) throws IOException {
        if (width(text, size) <= max) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && width(cut + "…", size) > max) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private List<String> wrap(String text, float max, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(candidate, size) > max) {
                lines.add(line);
                line = word;
            } else {
                line = candidate;
            }
        }
        lines.add(line);
        return lines;
    }

    /** A character the font lacks (an emoji in a camera name, say) becomes '?' instead of failing the report. */
    private String safe(String text) {
        StringBuilder out = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> out.appendCodePoint(glyphs.computeIfAbsent(cp, this::hasGlyph) ? cp : '?'));
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return !Character.isISOControl(codePoint);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
