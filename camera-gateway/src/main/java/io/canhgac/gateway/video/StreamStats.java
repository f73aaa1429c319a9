package io.canhgac.gateway.video;

import java.time.Instant;

/**
 * A camera stream's live figures, measured on the compressed packets over the last few seconds.
 *
 * @param framesPerSecond video packets (pictures) per second
 * @param bitsPerSecond   compressed video bitrate
 * @param lastFrameAt     when the last picture arrived; null if none yet
 * @param frames          pictures received since the gateway started
 * @param bytes           compressed bytes received since the gateway started
 */
public record StreamStats(double framesPerSecond, long bitsPerSecond, Instant lastFrameAt, long frames, long bytes) {

    public static final StreamStats NONE = new StreamStats(0, 0, null, 0, 0);
}
