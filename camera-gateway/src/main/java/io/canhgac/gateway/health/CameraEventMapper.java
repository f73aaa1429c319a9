package io.canhgac.gateway.health;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.gateway.onvif.events.EventMessage;
import io.canhgac.gateway.onvif.events.PropertyOperation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns one camera's ONVIF notifications into CAMERA_MOTION_START/END and CAMERA_TAMPER_START/END
 * events. ONVIF properties repeat their state on every new subscription (Initialized), so the
 * mapper remembers the last state of each and reports changes only; after a reboot a motion that
 * started while the camera was away still shows up. Not thread-safe: one per subscription loop.
 */
final class CameraEventMapper {

    /** The camera-side states the gateway follows. */
    enum Kind {
        MOTION(EventType.CAMERA_MOTION_START, EventType.CAMERA_MOTION_END),
        TAMPER(EventType.CAMERA_TAMPER_START, EventType.CAMERA_TAMPER_END);

        final EventType start;
        final EventType end;

        Kind(EventType start, EventType end) {
            this.start = start;
            this.end = end;
        }
    }

    private final String cameraId;
    private final Map<Kind, Boolean> known = new EnumMap<>(Kind.class);

    CameraEventMapper(String cameraId) {
        this.cameraId = cameraId;
    }

    /**
     * @param clockOffset the camera's clock minus ours, to put the event on our time line
     */
    Optional<CameraEvent> map(EventMessage message, Duration clockOffset) {
        Optional<Kind> kind = kind(message.topicPath());
        if (kind.isEmpty() || message.operation() == PropertyOperation.DELETED) {
            return Optional.empty();
        }
        Optional<Boolean> active = state(message);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Boolean before = known.put(kind.get(), active.get());
        boolean unknownAndQuiet = before == null && !active.get();
        if (unknownAndQuiet || active.get().equals(before)) {
            return Optional.empty();
        }
        Instant at = message.utcTime() == null ? Instant.now() : message.utcTime().minus(clockOffset);
        EventType type = active.get() ? kind.get().start : kind.get().end;
        return Optional.of(new CameraEvent(UUID.randomUUID(), cameraId, type, at, null, null, detail(message)));
    }

    /** Topics as cameras name them: the ONVIF standard ones and the common vendor aliases. */
    static Optional<Kind> kind(String topicPath) {
        String t = topicPath.toLowerCase(Locale.ROOT);
        if (t.contains("cellmotiondetector/motion") || t.endsWith("videosource/motionalarm") || t.endsWith("motiondetection")) {
            return Optional.of(Kind.MOTION);
        }
        if (t.contains("globalscenechange") || t.contains("tamper")) {
            return Optional.of(Kind.TAMPER);
        }
        return Optional.empty();
    }

    private static Optional<Boolean> state(EventMessage message) {
        Optional<String> value = message.dataValue("IsMotion").or(() -> message.dataValue("State"))
                .or(() -> message.dataValue("IsTamper"));
        return value.map(v -> v.trim().equalsIgnoreCase("true") || v.trim().equals("1"));
    }

    private static String detail(EventMessage message) {
        String source = message.source().stream().map(i -> i.name() + "=" + i.value()).collect(Collectors.joining(", "));
        return "ONVIF " + message.topic() + (source.isEmpty() ? "" : " (" + source + ")");
    }
}
