package io.canhgac.contract;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One event from a gateway. The id is chosen by the gateway when the event happens, so that
 * re-sending after a lost acknowledgement stores it once (at-least-once delivery, idempotent ingest).
 *
 * <p>The last two fields came later and are nullable, so JSON from older gateways (without them)
 * is still read.
 *
 * @param score     motion score in [0, 1] (fraction of the analysed picture that changed); on
 *                  MOTION_END the event's peak; null for health events
 * @param status    the camera's new status, for health events; null for motion events
 * @param detail    a short human-readable reason, e.g. why a camera went offline; may be null
 * @param startedAt on MOTION_END, when the event started (its end is {@code occurredAt}); null otherwise
 * @param boxes     for motion, where things moved: on MOTION_START in the frame that started the
 *                  event, on MOTION_END in the frame of the peak; normalised; null if unknown
 */
public record CameraEvent(UUID id, String cameraId, EventType type, Instant occurredAt,
                          Double score, CameraStatus status, String detail,
                          Instant startedAt, List<MotionBox> boxes) {

    /** At most this many boxes per event: the largest moving things, not every speck. */
    public static final int MAX_BOXES = 16;

    @JsonCreator
    public CameraEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        boxes = boxes == null ? null : List.copyOf(boxes);
    }

    /** The event as gateways before bounding boxes sent it. */
    public CameraEvent(UUID id, String cameraId, EventType type, Instant occurredAt,
                       Double score, CameraStatus status, String detail) {
        this(id, cameraId, type, occurredAt, score, status, detail, null, null);
    }

    public static CameraEvent motion(String cameraId, EventType type, Instant at, double score) {
        return new CameraEvent(UUID.randomUUID(), cameraId, type, at, score, null, null);
    }

    /** A gateway motion event with its extent: {@code startedAt} for an end, and the boxes. */
    public static CameraEvent motion(String cameraId, EventType type, Instant at, double score,
                                     Instant startedAt, List<MotionBox> boxes) {
        return new CameraEvent(UUID.randomUUID(), cameraId, type, at, score, null, null, startedAt, boxes);
    }

    public static CameraEvent health(String cameraId, CameraStatus status, Instant at, String detail) {
        EventType type = status == CameraStatus.ONLINE ? EventType.CAMERA_ONLINE : EventType.CAMERA_OFFLINE;
        return new CameraEvent(UUID.randomUUID(), cameraId, type, at, null, status, detail);
    }
}
