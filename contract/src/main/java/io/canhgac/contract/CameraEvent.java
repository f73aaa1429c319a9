package io.canhgac.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event from a gateway. The id is chosen by the gateway when the event happens, so that
 * re-sending after a lost acknowledgement stores it once (at-least-once delivery, idempotent ingest).
 *
 * @param score  motion score in [0, 1] (fraction of the analysed picture that changed); null for
 *               health events
 * @param status the camera's new status, for health events; null for motion events
 * @param detail a short human-readable reason, e.g. why a camera went offline; may be null
 */
public record CameraEvent(UUID id, String cameraId, EventType type, Instant occurredAt,
                          Double score, CameraStatus status, String detail) {

    public CameraEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static CameraEvent motion(String cameraId, EventType type, Instant at, double score) {
        return new CameraEvent(UUID.randomUUID(), cameraId, type, at, score, null, null);
    }

    public static CameraEvent health(String cameraId, CameraStatus status, Instant at, String detail) {
        EventType type = status == CameraStatus.ONLINE ? EventType.CAMERA_ONLINE : EventType.CAMERA_OFFLINE;
        return new CameraEvent(UUID.randomUUID(), cameraId, type, at, null, status, detail);
    }
}
