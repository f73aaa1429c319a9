package io.canhgac.gateway.camera;

import io.canhgac.contract.CameraStatus;

import java.time.Instant;

/**
 * A camera's stream as the gateway sees it now.
 *
 * @param reason         why the camera is not online, in words; null when online
 * @param framesDecoded  pictures decoded since the gateway started
 * @param lastFrameAt    when the last picture arrived; null if none yet
 * @param reconnects     connection attempts after failures
 */
public record CameraState(String cameraId, CameraStatus status, String reason, Instant since,
                          long framesDecoded, Instant lastFrameAt, int reconnects) {
}
