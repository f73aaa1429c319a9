package io.canhgac.event.alert;

import io.canhgac.contract.EventType;
import io.canhgac.event.events.EventView;
import io.canhgac.event.ingest.EventsStored;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Raises an alert for each newly stored event of a kind that needs a person: motion, a camera gone
 * offline, a camera covered or tampered with. Runs inside the ingest transaction, so events and
 * their alerts are stored together or not at all.
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
        List<UUID> raised = alerts.raiseAll(raising);
        if (!raised.isEmpty()) {
            publisher.publishEvent(new AlertsChanged(raised));
        }
    }
}
