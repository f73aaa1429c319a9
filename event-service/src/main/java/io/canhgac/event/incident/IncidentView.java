package io.canhgac.event.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident in the log. {@code communeIds} and {@code alerts} count only what the reader's scope
 * allows: a commune head does not learn which other communes share an incident.
 */
record IncidentView(UUID id, String title, IncidentStatus status, String assignee, String openedBy, Instant openedAt,
                    Instant updatedAt, List<String> communeIds, int alerts) {
}
