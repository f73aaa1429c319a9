package io.canhgac.contract.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch with no recording, and why, so the timeline can say it rather than show an empty bar.
 *
 * @param reason a stable code: CAMERA_OFFLINE (the stream could not be read), DISK_GUARD (recording
 *               stopped to keep the disk from filling), GATEWAY_DOWN (the gateway was not running),
 *               RETENTION (recorded once, deleted by retention); a camera-offline gap the gateway could not
 *               fill from the camera's own storage says why: CAMERA_OFFLINE_NO_REPLAY (the camera keeps no
 *               recording we can reach), CAMERA_OFFLINE_NOT_ON_CAMERA (its storage lacks it too),
 *               CAMERA_OFFLINE_REPLAY_REFUSED (it refused the account or the replay), CAMERA_OFFLINE_REPLAY_FAILED
 *               (every try failed)
 */
public record RecordingGap(Instant start, Instant end, String reason) {

    public RecordingGap {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
    }
}
