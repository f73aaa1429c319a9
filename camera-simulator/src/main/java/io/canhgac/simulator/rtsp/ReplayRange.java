package io.canhgac.simulator.rtsp;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An absolute RTSP range (RFC 2326 "clock=", UTC, e.g. {@code clock=20261207T021000.5Z-20261207T021010Z}); no end: up to now. */
record ReplayRange(Instant from, Instant to) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss[.SSS]");

    static Optional<ReplayRange> parse(String header) {
        if (header == null || !header.trim().startsWith("clock=")) {
            return Optional.empty();
        }
        String[] ends = header.trim().substring(6).split("-", -1);
        try {
            Instant from = instant(ends[0]);
            Instant to = ends.length > 1 && !ends[1].isBlank() ? instant(ends[1]) : null;
            return to != null && !to.isAfter(from) ? Optional.empty() : Optional.of(new ReplayRange(from, to));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String s) {
        String t = s.trim();
        if (!t.endsWith("Z")) {
            throw new IllegalArgumentException("not UTC: " + t);
        }
        t = t.substring(0, t.length() - 1);
        int dot = t.indexOf('.');
        if (dot >= 0) {
            t = (t.substring(0, dot + 1) + t.substring(dot + 1) + "000").substring(0, dot + 4); // to milliseconds
        }
        return LocalDateTime.parse(t, CLOCK).toInstant(ZoneOffset.UTC);
    }

    static String format(Instant t) {
        return CLOCK.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC).withNano(t.getNano() / 1_000_000 * 1_000_000)) + "Z";
    }

    String header() {
        return "clock=" + format(from) + "-" + (to == null ? "" : format(to));
    }
}
