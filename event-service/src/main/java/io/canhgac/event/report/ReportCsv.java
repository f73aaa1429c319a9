package io.canhgac.event.report;

import io.canhgac.contract.EventType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A commune's day as CSV: UTF-8 with a byte-order mark (without it Excel reads the file as the
 * local ANSI code page and garbles Vietnamese), comma-separated, CRLF line ends, one row per
 * camera and a TOTAL row. Machine columns (ids, counts, seconds, fractions) stay plain numbers.
 */
final class ReportCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReportCsv() {
    }

    static byte[] write(CommuneDayReport report) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("commune_id", "commune", "date", "camera_id", "camera"));
        for (EventType type : EventType.values()) {
            header.add(type.name());
        }
        header.addAll(List.of("events", "online_seconds", "down_seconds", "unknown_seconds", "uptime", "uptime_of_known"));
        row(csv, header);
        for (CameraDay camera : report.cameras()) {
            List<String> cells = new ArrayList<>(List.of(report.communeId(), report.commune(), report.date().toString(),
                    camera.cameraId(), camera.camera()));
            for (EventType type : EventType.values()) {
                cells.add(Long.toString(camera.counts().get(type)));
            }
            cells.addAll(List.of(Long.toString(camera.events()), Long.toString(camera.onlineSeconds()),
                    Long.toString(camera.downSeconds()), Long.toString(camera.unknownSeconds()),
                    fraction(camera.uptime()), fraction(camera.uptimeOfKnown())));
            row(csv, cells);
        }
        List<String> total = new ArrayList<>(List.of(report.communeId(), report.commune(), report.date().toString(), "TOTAL", ""));
        for (EventType type : EventType.values()) {
            total.add(Long.toString(report.counts().get(type)));
        }
        total.addAll(List.of(Long.toString(report.events()), "", "", "", fraction(report.uptime()), ""));
        row(csv, total);
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    private static String fraction(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * Quoted when it holds a separator, quote or line break; text starting like a formula
     * (= + - @) is prefixed with a quote mark so a spreadsheet shows it instead of running it.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+") ? "'" + value : value;
        boolean quote = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
