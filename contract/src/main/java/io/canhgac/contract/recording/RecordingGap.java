package io.canhgac.contract.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch with no recording, and why, so the timeline can say it rather than show an empty bar.
 *
 * @param reason a stable code: CAMERA_OFFLINE (the stream could not be read), DISK_GUARD (recording
 *               stopped to keep the disk from filling), GATEWAY_DOWN (the gateway was not running),
 *               RETENTION (recorded once, deleted by retention)
 */
public record RecordingGap(Instant start, Instant end, String reason) {

    public RecordingGap {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
    }
}
