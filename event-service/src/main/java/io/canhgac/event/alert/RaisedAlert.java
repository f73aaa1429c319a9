package io.canhgac.event.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.canhgac.contract.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A newly raised alert as it leaves the service (MQTT, webhook): made from the event that raised it,
 * so raising costs no extra query. A gateway's alert has no event, camera or commune, but its gateway
 * and that gateway's communes (those fields are left out of a camera alert's JSON).
 */
public record RaisedAlert(UUID id, UUID eventId, AlertKind kind, String cameraId, String cameraName,
                          String communeId, String commune, Instant raisedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String gateway,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> gatewayCommunes) {

    /** A camera event's alert. */
    public RaisedAlert(UUID id, UUID eventId, EventType kind, String cameraId, String cameraName, String communeId,
                       String commune, Instant raisedAt) {
        this(id, eventId, AlertKind.of(kind), cameraId, cameraName, communeId, commune, raisedAt, null, null);
    }

    public boolean aboutGateway() {
        return gateway != null;
    }
}
