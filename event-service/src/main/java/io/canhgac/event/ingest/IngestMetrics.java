package io.canhgac.event.ingest;

import io.canhgac.contract.EventType;
import io.canhgac.event.events.EventView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.EnumMap;
import java.util.Map;

/** Events stored, by type, counted once committed (duplicates and refused batches do not count). */
@Component
class IngestMetrics {

    private final Map<EventType, Counter> ingested = new EnumMap<>(EventType.class);

    IngestMetrics(MeterRegistry registry) {
        for (EventType type : EventType.values()) {
            ingested.put(type, Counter.builder("canhgac.events.ingested").description("Events stored, by type")
                    .tag("type", type.name()).register(registry));
        }
    }

    @TransactionalEventListener
    void onStored(EventsStored stored) {
        for (EventView event : stored.events()) {
            ingested.get(event.type()).increment();
        }
    }
}
