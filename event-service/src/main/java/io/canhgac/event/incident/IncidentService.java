package io.canhgac.event.incident;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.user.AppUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The incident workflow: open from alerts, move through the statuses, assign, note, link more
 * alerts. Each change writes a timeline line and an audit line in one transaction, with the
 * incident row locked so two people's changes are applied one after the other.
 */
@Service
class IncidentService {

    /** Who may be assigned an incident: the people who work incidents. */
    static final Set<String> ASSIGNABLE_ROLES = Set.of("ADMIN", "OPERATOR");

    private final IncidentRepository incidents;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    IncidentService(IncidentRepository incidents, AuditLog audit, ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    IncidentDetail open(AppUser user, String title, List<UUID> alertIds, String note, String remoteAddress) {
        Set<UUID> wanted = new LinkedHashSet<>(alertIds);
        checkLinkable(user, wanted, null);
        UUID id = UUID.randomUUID();
        incidents.insert(id, title, user.getUsername());
        incidents.addEntry(id, user.getUsername(), TimelineKind.OPENED, title, null);
        for (UUID alert : wanted) {
            incidents.link(id, alert, user.getUsername());
            incidents.addEntry(id, user.getUsername(), TimelineKind.ALERT_LINKED, null, alert);
        }
        if (note != null) {
            incidents.addEntry(id, user.getUsername(), TimelineKind.NOTE, note, null);
        }
        audit.record(user.getUsername(), AuditAction.INCIDENT_OPENED, "incident " + id,
                title + "; alerts " + wanted, remoteAddress);
        return detail(user, id);
    }

    @Transactional
    IncidentDetail changeStatus(AppUser user, UUID id, IncidentStatus status, String note, String remoteAddress) {
        IncidentStatus from = lockVisible(user, id);
        if (!from.canBecome(status)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "an incident " + from + " cannot become " + status
                    + (from.next().isEmpty() ? " (it is final)" : "; it can become " + from.next()));
        }
        incidents.setStatus(id, status);
        String detail = from + " -> " + status + (note == null ? "" : ": " + note);
        incidents.addEntry(id, user.getUsername(), TimelineKind.STATUS_CHANGED, detail, null);
        audit.record(user.getUsername(), AuditAction.INCIDENT_STATUS_CHANGED, "incident " + id, detail, remoteAddress);
        if (status == IncidentStatus.CLOSED) {
            events.publishEvent(new IncidentClosed(id));
        }
        return detail(user, id);
    }

    /** {@code assignee} null takes the incident off anyone's desk. */
    @Transactional
    IncidentDetail assign(AppUser user, UUID id, String assignee, String remoteAddress) {
        requireOpenForChanges(lockVisible(user, id));
        if (assignee != null) {
            String role = incidents.enabledRole(assignee).orElseThrow(() ->
                    new ResponseStatusException(HttpStatus.BAD_REQUEST, "assignee: no enabled account '" + assignee + "'"));
            if (!ASSIGNABLE_ROLES.contains(role)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "assignee: '" + assignee + "' is " + role + "; incidents go to " + ASSIGNABLE_ROLES);
            }
        }
        incidents.setAssignee(id, assignee);
        String detail = assignee == null ? "unassigned" : assignee;
        incidents.addEntry(id, user.getUsername(), TimelineKind.ASSIGNED, detail, null);
        audit.record(user.getUsername(), AuditAction.INCIDENT_ASSIGNED, "incident " + id, detail, remoteAddress);
        return detail(user, id);
    }

    @Transactional
    IncidentDetail addNote(AppUser user, UUID id, String text, String remoteAddress) {
        requireOpenForChanges(lockVisible(user, id));
        incidents.touch(id);
        incidents.addEntry(id, user.getUsername(), TimelineKind.NOTE, text, null);
        audit.record(user.getUsername(), AuditAction.INCIDENT_NOTE, "incident " + id, text, remoteAddress);
        return detail(user, id);
    }

    /** Links more alerts; those already in this incident are left as they are (a retried request changes nothing). */
    @Transactional
    IncidentDetail linkAlerts(AppUser user, UUID id, List<UUID> alertIds, String remoteAddress) {
        requireOpenForChanges(lockVisible(user, id));
        Set<UUID> fresh = checkLinkable(user, new LinkedHashSet<>(alertIds), id);
        for (UUID alert : fresh) {
            incidents.link(id, alert, user.getUsername());
            incidents.addEntry(id, user.getUsername(), TimelineKind.ALERT_LINKED, null, alert);
        }
        if (!fresh.isEmpty()) {
            incidents.touch(id);
            audit.record(user.getUsername(), AuditAction.INCIDENT_ALERTS_LINKED, "incident " + id, "alerts " + fresh, remoteAddress);
        }
        return detail(user, id);
    }

    /**
     * The incident, its alerts and the merged timeline: what people did plus, for each linked
     * alert, the camera event behind it and its handling on the alert desk.
     */
    IncidentDetail detail(AppUser user, UUID id) {
        IncidentView incident = visible(user, id);
        List<LinkedAlert> alerts = incidents.alerts(user.scope(), id);
        List<TimelineEntry> timeline = new ArrayList<>(incidents.entries(user.scope(), id));
        Map<UUID, LinkedAlert> byId = alerts.stream().collect(Collectors.toMap(LinkedAlert::alertId, Function.identity()));
        timeline.replaceAll(e -> {
            LinkedAlert a = e.alertId() == null ? null : byId.get(e.alertId());
            return a == null ? e : new TimelineEntry(e.at(), e.kind(), e.username(), e.detail() != null ? e.detail() : describe(a),
                    a.alertId(), a.eventId());
        });
        for (LinkedAlert a : alerts) {
            timeline.add(new TimelineEntry(a.raisedAt(), TimelineKind.EVENT, null, describe(a), a.alertId(), a.eventId()));
            if (a.handledAt() != null) {
                timeline.add(new TimelineEntry(a.handledAt(), TimelineKind.ALERT_HANDLED, a.handledBy(), a.state(),
                        a.alertId(), a.eventId()));
            }
        }
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return new IncidentDetail(incident, alerts, List.copyOf(timeline));
    }

    List<MediaFile> media(AppUser user, UUID id) {
        visible(user, id);
        return incidents.media(user.scope(), id);
    }

    IncidentView visible(AppUser user, UUID id) {
        return incidents.find(user.scope(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such incident"));
    }

    private static String describe(LinkedAlert a) {
        return a.kind() + " on " + a.cameraId() + " (" + a.cameraName() + ", " + a.commune() + ")";
    }

    private IncidentStatus lockVisible(AppUser user, UUID id) {
        visible(user, id);
        return incidents.lock(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such incident"));
    }

    private static void requireOpenForChanges(IncidentStatus status) {
        if (status == IncidentStatus.CLOSED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the incident is CLOSED: it is kept as it was closed");
        }
    }

    /**
     * Every alert must be visible to the user and in no other incident; returns those not yet in
     * {@code incidentId}. Names the first alert at fault, so the caller can fix the request.
     */
    private Set<UUID> checkLinkable(AppUser user, Set<UUID> alertIds, UUID incidentId) {
        Map<UUID, IncidentRepository.AlertLink> found = incidents.alertLinks(user.scope(), alertIds).stream()
                .collect(Collectors.toMap(IncidentRepository.AlertLink::alertId, Function.identity()));
        Set<UUID> fresh = new LinkedHashSet<>();
        for (UUID alert : alertIds) {
            IncidentRepository.AlertLink link = found.get(alert);
            if (link == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "alertIds: no such alert " + alert);
            }
            if (link.incidentId() != null && !link.incidentId().equals(incidentId)) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "alert " + alert + " is already in incident " + link.incidentId());
            }
            if (link.incidentId() == null) {
                fresh.add(alert);
            }
        }
        return fresh;
    }
}
