package io.canhgac.event.alert;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.user.AppUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.UUID;

/**
 * What people do with alerts: acknowledge, mark a false positive, add a note. Each change is
 * audited in the same transaction and pushed to the browsers that may see the alert once committed.
 */
@Service
class AlertDesk {

    private final AlertRepository alerts;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;

    AlertDesk(AlertRepository alerts, AuditLog audit, ApplicationEventPublisher publisher) {
        this.alerts = alerts;
        this.audit = audit;
        this.publisher = publisher;
    }

    @Transactional
    AlertView setState(AppUser user, UUID id, AlertState state, String remoteAddress) {
        AlertView alert = visible(user, id);
        alerts.setState(id, state, user.getUsername());
        AuditAction action = state == AlertState.FALSE_POSITIVE ? AuditAction.ALERT_FALSE_POSITIVE : AuditAction.ALERT_ACKNOWLEDGED;
        audit.record(user.getUsername(), action, "alert " + id, alert.kind() + " on " + alert.subject() + ", was " + alert.state(),
                remoteAddress);
        publisher.publishEvent(new AlertsChanged(List.of(id)));
        return visible(user, id);
    }

    @Transactional
    AlertView addNote(AppUser user, UUID id, String text, String remoteAddress) {
        visible(user, id);
        alerts.addNote(id, user.getUsername(), text);
        audit.record(user.getUsername(), AuditAction.ALERT_NOTE, "alert " + id, text, remoteAddress);
        publisher.publishEvent(new AlertsChanged(List.of(id)));
        return visible(user, id);
    }

    /** Another commune's alert is answered as absent, not forbidden: its existence is not the user's business. */
    AlertView visible(AppUser user, UUID id) {
        return alerts.find(user.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such alert"));
    }
}
