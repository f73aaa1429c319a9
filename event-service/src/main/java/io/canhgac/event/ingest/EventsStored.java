package io.canhgac.event.ingest;

import io.canhgac.event.events.EventView;

import java.util.List;

/** Published inside the ingest transaction; listeners act after it commits. */
public record EventsStored(List<EventView> events) {
}
