package io.canhgac.event.ingest;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.IngestOutcome;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.events.EventRepository;
import io.canhgac.event.gateway.GatewayIdentity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a gateway's batch whole or not at all, once per event id, and updates camera status.
 * Safe under at-least-once delivery: a re-sent event is answered DUPLICATE and changes nothing.
 */
@Service
class IngestService {

    static final int MAX_BATCH = 1000;

    private final EventBatchInsert inserts;
    private final EventRepository events;
    private final CameraRepository cameras;
    private final ApplicationEventPublisher publisher;

    IngestService(EventBatchInsert inserts, EventRepository events, CameraRepository cameras, ApplicationEventPublisher publisher) {
        this.inserts = inserts;
        this.events = events;
        this.cameras = cameras;
        this.publisher = publisher;
    }

    /** One outcome per event, in the batch's order; an id sent twice in one batch is STORED then DUPLICATE. */
    @Transactional
    public List<IngestOutcome> ingest(List<CameraEvent> batch, GatewayIdentity gateway) {
        validate(batch);
        if (batch.isEmpty()) {
            return List.of();
        }
        Set<UUID> fresh = inserts.insertNew(batch, gateway.id());
        List<IngestOutcome> outcomes = new ArrayList<>(batch.size());
        List<UUID> stored = new ArrayList<>(fresh.size());
        for (CameraEvent e : batch) {
            boolean isNew = fresh.remove(e.id()); // removed: a second copy in the same batch is a duplicate
            outcomes.add(new IngestOutcome(e.id(), isNew ? IngestOutcome.Result.STORED : IngestOutcome.Result.DUPLICATE));
            if (isNew) {
                stored.add(e.id());
                if (e.status() != null) {
                    cameras.updateStatus(e.cameraId(), e.status(), e.detail(), e.occurredAt());
                }
            }
        }
        if (!stored.isEmpty()) {
            publisher.publishEvent(new EventsStored(events.findByIds(stored)));
        }
        return outcomes;
    }

    private void validate(List<CameraEvent> batch) {
        if (batch.size() > MAX_BATCH) {
            throw new InvalidBatchException("events: a batch of " + batch.size() + "; at most " + MAX_BATCH + " per request");
        }
        Set<String> known = cameras.ids();
        for (int i = 0; i < batch.size(); i++) {
            CameraEvent e = batch.get(i);
            String at = "events[" + i + "]";
            if (e == null) {
                throw new InvalidBatchException(at + ": null event");
            }
            if (!known.contains(e.cameraId())) {
                throw new InvalidBatchException(at + ".cameraId: unknown camera '" + e.cameraId() + "'");
            }
            if (e.score() != null && !(e.score() >= 0 && e.score() <= 1)) {
                throw new InvalidBatchException(at + ".score: must be between 0 and 1, was " + e.score());
            }
            if (e.type().isHealth() != (e.status() != null)) {
                throw new InvalidBatchException(at + ".status: required for camera status events, absent for others");
            }
        }
    }
}
