package io.canhgac.event.events;

import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** An event with its camera's name and commune, as the API and the browser see it. */
public record EventView(UUID id, String cameraId, String cameraName, String communeId, String commune,
                        EventType type, Instant occurredAt, Double score, CameraStatus status, String detail,
                        Instant receivedAt) {
}
