package io.canhgac.event.incident;

import java.util.UUID;

/** Published when an incident is closed, after the change is committed: what was kept for it may go. */
public record IncidentClosed(UUID incidentId) {
}
