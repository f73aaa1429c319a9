package io.canhgac.event.alert;

import io.canhgac.contract.EventType;
import io.canhgac.event.events.EventView;
import io.canhgac.event.ingest.EventsStored;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Raises an alert for each newly stored event of a kind that needs a person: motion, a camera gone
 * offline, a camera covered or tampered with. A camera seen online again clears its offline alerts.
 * Runs inside the ingest transaction, so events and their alerts are stored together or not at all.
 */
@Component
class AlertRules {

    static final Set<EventType> RAISING = Set.of(EventType.MOTION_START, EventType.CAMERA_OFFLINE, EventType.CAMERA_TAMPER_START);

    private final AlertRepository alerts;
    private final ApplicationEventPublisher publisher;

    AlertRules(AlertRepository alerts, ApplicationEventPublisher publisher) {
        this.alerts = alerts;
        this.publisher = publisher;
    }

    @EventListener
    void onStored(EventsStored stored) {
        List<EventView> raising = stored.events().stream().filter(e -> RAISING.contains(e.type())).toList();
        Map<UUID, EventView> raised = alerts.raiseAll(raising);
        List<UUID> changed = new ArrayList<>(raised.keySet());
        List<RaisedAlert> outgoing = new ArrayList<>();
        raised.forEach((alertId, event) -> outgoing.add(new RaisedAlert(alertId, event.id(), event.type(), event.cameraId(),
                event.cameraName(), event.communeId(), event.commune(), event.occurredAt())));
        for (EventView event : stored.events()) {
            if (event.type() == EventType.CAMERA_ONLINE) {
                changed.addAll(alerts.clearOffline(event.cameraId(), event.occurredAt()));
            }
        }
        if (!changed.isEmpty()) {
            publisher.publishEvent(new AlertsChanged(changed));
        }
        if (!outgoing.isEmpty()) {
            publisher.publishEvent(new AlertsRaised(outgoing));
        }
    }
}
