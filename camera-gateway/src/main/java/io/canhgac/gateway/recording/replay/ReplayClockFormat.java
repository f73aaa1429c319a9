package io.canhgac.gateway.recording.replay;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** RTSP's absolute time (RFC 2326 "clock" ranges): {@code 20261207T021000.250Z}, UTC. */
final class ReplayClockFormat {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ReplayClockFormat() {
    }

    static String format(Instant t) {
        return CLOCK.format(t);
    }
}
