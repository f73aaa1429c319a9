package io.canhgac.event.camera;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a registry CSV for import: the registry page's export (RFC 4180, quoted cells, optional
 * byte-order mark) plus the account columns. Columns the camera reports itself (status, model,
 * firmware...) are accepted and ignored: onboarding asks the camera. Anything malformed fails
 * the whole file, naming the line and column, before any camera is touched.
 */
final class CameraCsv {

    static final List<String> REQUIRED = List.of("id", "name", "commune", "device_service", "latitude", "longitude",
            "username", "password");
    private static final Set<String> IGNORED = Set.of("status", "manufacturer", "model", "firmware", "serial", "sub_stream");
    static final int MAX_ROWS = 500;

    /** One camera to onboard; {@code line} is where its record starts in the file (the header is line 1). */
    record Row(int line, String cameraId, String name, String commune, String address, Double latitude,
               Double longitude, String username, String password) {
    }

    /** The file is not a registry CSV; line 0 is the file as a whole. */
    static final class MalformedException extends RuntimeException {
        private final int line;
        private final String column;

        MalformedException(int line, String column, String message) {
            super((line > 0 ? "line " + line + (column != null ? ", column " + column : "") + ": " : "") + message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        String column() {
            return column;
        }
    }

    private CameraCsv() {
    }

    static List<Row> parse(String text) {
        List<Record> records = records(text.startsWith("\ufeff") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new MalformedException(0, null, "the file is empty: expected a header line " + String.join(",", REQUIRED));
        }
        Map<String, Integer> header = header(records.get(0));
        List<Row> rows = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.cells().size() == 1 && r.cells().get(0).isBlank()) {
                continue; // an empty line, e.g. at the end
            }
            if (r.cells().size() != records.get(0).cells().size()) {
                throw new MalformedException(r.line(), null, r.cells().size() + " cells, but the header has "
                        + records.get(0).cells().size());
            }
            if (rows.size() == MAX_ROWS) {
                throw new MalformedException(r.line(), null, "more than " + MAX_ROWS + " cameras: split the file");
            }
            rows.add(new Row(r.line(), cell(r, header, "id"), cell(r, header, "name"), cell(r, header, "commune"),
                    cell(r, header, "device_service"), number(r, header, "latitude"), number(r, header, "longitude"),
                    r.cells().get(header.get("username")), r.cells().get(header.get("password"))));
        }
        return rows;
    }

    private static Map<String, Integer> header(Record first) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < first.cells().size(); i++) {
            String name = first.cells().get(i).trim().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !IGNORED.contains(name)) {
                throw new MalformedException(1, name, "unknown column; expected " + String.join(",", REQUIRED));
            }
            if (columns.put(name, i) != null) {
                throw new MalformedException(1, name, "the column appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new MalformedException(1, required, "missing column; the header needs " + String.join(",", REQUIRED));
            }
        }
        return columns;
    }

    private static String cell(Record r, Map<String, Integer> header, String column) {
        String value = r.cells().get(header.get(column)).trim();
        return value.isEmpty() ? null : value;
    }

    private static Double number(Record r, Map<String, Integer> header, String column) {
        String value = cell(r, header, column);
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new MalformedException(r.line(), column, "'" + value + "' is not a number (write 15.76, with a dot)");
        }
    }

    private record Record(int line, List<String> cells) {
    }

    /** RFC 4180: cells split by commas, quoted cells may hold commas, quotes ("") and line breaks. */
    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                records.add(new Record(start, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                any = false;
                start = ++line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new MalformedException(start, null, "a quoted cell is not closed");
        }
        if (any) {
            cells.add(cell.toString());
            records.add(new Record(start, List.copyOf(cells)));
        }
        return records;
    }
}
