package io.canhgac.event.incident;

import java.time.Instant;
import java.util.UUID;

/** An alert worked in an incident, with its event and camera. */
record LinkedAlert(UUID alertId, UUID eventId, String cameraId, String cameraName, String communeId, String commune,
                   String kind, Instant raisedAt, String state, String handledBy, Instant handledAt,
                   String linkedBy, Instant linkedAt) {
}
