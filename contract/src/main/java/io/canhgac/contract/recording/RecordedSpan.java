package io.canhgac.contract.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of a camera's recording at its gateway with no gap in it: one or more segments end to end.
 *
 * @param stream "main" or "sub", the stream the gateway records for this camera
 */
public record RecordedSpan(Instant start, Instant end, String stream) {

    public RecordedSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(stream, "stream");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a span ends before it starts: " + start + " .. " + end);
        }
    }
}
