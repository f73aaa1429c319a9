package io.canhgac.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * One camera's stream figures as a gateway measured them, sent every few seconds in a batch
 * ({@code PUT /api/ingest/stream-stats}). Not stored: the event-service keeps the latest per camera.
 *
 * @param measuredAt      the gateway's clock when it measured; with {@code lastFrameAt} it gives the
 *                        picture's age without trusting the two clocks to agree
 * @param streamStatus    the stream's own status on the gateway (ONVIF health is merged elsewhere)
 * @param framesPerSecond pictures per second over the last few seconds
 * @param bitsPerSecond   compressed video bitrate over the same window
 * @param lastFrameAt     the last picture's arrival; null if none yet
 * @param frames          pictures since the gateway started pulling the camera
 * @param bytes           compressed bytes since then
 * @param codec           e.g. h264; null until the stream opened once
 * @param width           picture width in pixels; null until the stream opened once
 * @param height          picture height in pixels; null until the stream opened once
 * @param reconnects      connection attempts after failures
 * @param lateFrames      pictures analysed more than 200 ms behind the camera's own clock since the
 *                        gateway started pulling it: a gateway that cannot keep up
 */
public record StreamReport(String cameraId, Instant measuredAt, CameraStatus streamStatus, double framesPerSecond,
                           long bitsPerSecond, Instant lastFrameAt, long frames, long bytes, String codec,
                           Integer width, Integer height, int reconnects, long lateFrames) {

    public StreamReport {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(measuredAt, "measuredAt");
        streamStatus = streamStatus == null ? CameraStatus.UNKNOWN : streamStatus;
    }
}
