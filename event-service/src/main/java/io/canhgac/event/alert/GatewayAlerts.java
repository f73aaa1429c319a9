package io.canhgac.event.alert;

import io.canhgac.event.user.CommuneScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts about gateways rather than cameras, raised and cleared by whoever watches the gateways (the
 * presence package). In a transaction each, so the desk's SSE push, the metrics and the MQTT and
 * webhook relays see them after commit, as they see camera alerts.
 */
@Service
public class GatewayAlerts {

    private final AlertRepository alerts;
    private final ApplicationEventPublisher publisher;

    GatewayAlerts(AlertRepository alerts, ApplicationEventPublisher publisher) {
        this.alerts = alerts;
        this.publisher = publisher;
    }

    /**
     * Raises the gateway's alert of this kind unless one is still unhandled.
     *
     * @param since when the condition began (a silent gateway's last contact); null when unknown
     * @return whether a new alert was raised
     */
    @Transactional
    public boolean raise(UUID gatewayId, AlertKind kind, Instant now, Instant since) {
        if (!kind.aboutGateway()) {
            throw new IllegalArgumentException(kind + " is not a gateway's alert");
        }
        Optional<UUID> raised = alerts.raiseForGateway(gatewayId, kind, now, since);
        if (raised.isEmpty()) {
            return false;
        }
        AlertView view = alerts.find(CommuneScope.REGION, raised.get()).orElseThrow();
        publisher.publishEvent(new AlertsChanged(List.of(view.id())));
        publisher.publishEvent(new AlertsRaised(List.of(new RaisedAlert(view.id(), null, kind, null, null, null, null,
                view.raisedAt(), view.gateway(), view.gatewayCommunes().stream().map(AlertView.GatewayCommune::id).toList()))));
        return true;
    }

    /**
     * Clears the gateway's unhandled alerts of this kind (it was heard again, its outbox drained).
     *
     * @param why who or what cleared them, as the desk shows it ("handled by")
     * @return how many were cleared
     */
    @Transactional
    public int clear(UUID gatewayId, AlertKind kind, String why, Instant now) {
        List<UUID> cleared = alerts.clearForGateway(gatewayId, kind, why, now);
        if (!cleared.isEmpty()) {
            publisher.publishEvent(new AlertsChanged(cleared));
        }
        return cleared.size();
    }
}
