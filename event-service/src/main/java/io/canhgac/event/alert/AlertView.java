package io.canhgac.event.alert;

import io.canhgac.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** An alert as the API and the SSE stream show it. */
record AlertView(UUID id, UUID eventId, String cameraId, String cameraName, String communeId, String commune,
                 EventType kind, Instant raisedAt, AlertState state, String handledBy, Instant handledAt, int notes) {
}
