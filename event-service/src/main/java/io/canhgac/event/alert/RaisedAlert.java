package io.canhgac.event.alert;

import io.canhgac.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * A newly raised alert as it leaves the service (MQTT, webhook): made from the event that raised it,
 * so raising costs no extra query.
 */
public record RaisedAlert(UUID id, UUID eventId, EventType kind, String cameraId, String cameraName,
                          String communeId, String commune, Instant raisedAt) {
}
