package io.canhgac.event.incident;

import java.time.Instant;
import java.util.UUID;

/** A line of the timeline: when, what, who (null for what a camera did), and the alert or event concerned. */
record TimelineEntry(Instant at, TimelineKind kind, String username, String detail, UUID alertId, UUID eventId) {
}
