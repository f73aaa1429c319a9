package io.canhgac.event.incident;

import java.util.List;

/** GET /api/incidents/{id}: the incident, its alerts and its timeline, oldest line first. */
record IncidentDetail(IncidentView incident, List<LinkedAlert> alerts, List<TimelineEntry> timeline) {
}
