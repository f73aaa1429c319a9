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

    /** One more picture, at {@code at}. */
    CameraState withFrame(Instant at) {
        return new CameraState(cameraId, status, reason, since, framesDecoded + 1, at, reconnects);
    }

    /** A new status (and reason), counting a reconnect when {@code failedAttempt}. */
    CameraState withStatus(CameraStatus newStatus, String newReason, Instant newSince, boolean failedAttempt) {
        return new CameraState(cameraId, newStatus, newReason, newSince, framesDecoded, lastFrameAt,
                failedAttempt ? reconnects + 1 : reconnects);
    }
}
