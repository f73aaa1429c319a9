package io.canhgac.event.ingest;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.IngestOutcome;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.camera.CameraView;
import io.canhgac.event.events.EventView;
import io.canhgac.event.gateway.GatewayIdentity;
import io.canhgac.event.user.CommuneScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores a gateway's batch whole or not at all, once per event id, and updates camera status.
 * Safe under at-least-once delivery: a re-sent event is answered DUPLICATE and changes nothing.
 */
@Service
class IngestService {

    static final int MAX_BATCH = 1000;

    private final EventBatchInsert inserts;
    private final CameraRepository cameras;
    private final ApplicationEventPublisher publisher;

    IngestService(EventBatchInsert inserts, CameraRepository cameras, ApplicationEventPublisher publisher) {
        this.inserts = inserts;
        this.cameras = cameras;
        this.publisher = publisher;
    }

    /** One outcome per event, in the batch's order; an id sent twice in one batch is STORED then DUPLICATE. */
    @Transactional
    public List<IngestOutcome> ingest(List<CameraEvent> batch, GatewayIdentity gateway) {
        Map<String, CameraView> known = new HashMap<>();
        cameras.find(CommuneScope.REGION).forEach(c -> known.put(c.id(), c));
        validate(batch, known);
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<UUID, Instant> fresh = inserts.insertNew(batch, gateway.id());
        List<IngestOutcome> outcomes = new ArrayList<>(batch.size());
        List<EventView> stored = new ArrayList<>(fresh.size());
        for (CameraEvent e : batch) {
            Instant receivedAt = fresh.remove(e.id()); // removed: a second copy in the same batch is a duplicate
            outcomes.add(new IngestOutcome(e.id(), receivedAt != null ? IngestOutcome.Result.STORED : IngestOutcome.Result.DUPLICATE));
            if (receivedAt != null) {
                // built here rather than read back: the batch and the camera list already hold every field
                CameraView camera = known.get(e.cameraId());
                stored.add(new EventView(e.id(), e.cameraId(), camera.name(), camera.communeId(), camera.commune(), e.type(),
                        e.occurredAt(), e.score(), e.status(), e.detail(), receivedAt));
                if (e.status() != null) {
                    cameras.updateStatus(e.cameraId(), e.status(), e.detail(), e.occurredAt());
                }
            }
        }
        if (!stored.isEmpty()) {
            stored.sort(Comparator.comparing(EventView::occurredAt));
            publisher.publishEvent(new EventsStored(stored));
        }
        return outcomes;
    }

    private static void validate(List<CameraEvent> batch, Map<String, CameraView> known) {
        if (batch.size() > MAX_BATCH) {
            throw new InvalidBatchException("events: a batch of " + batch.size() + "; at most " + MAX_BATCH + " per request");
        }
        for (int i = 0; i < batch.size(); i++) {
            CameraEvent e = batch.get(i);
            String at = "events[" + i + "]";
            if (e == null) {
                throw new InvalidBatchException(at + ": null event");
            }
            if (!known.containsKey(e.cameraId())) {
                throw new InvalidBatchException(at + ".cameraId: unknown camera '" + e.cameraId() + "'");
            }
            if (e.score() != null && !(e.score() >= 0 && e.score() <= 1)) {
                throw new InvalidBatchException(at + ".score: must be between 0 and 1, was " + e.score());
            }
            if (e.boxes() != null && e.boxes().size() > CameraEvent.MAX_BOXES) {
                throw new InvalidBatchException("[" + i + "].boxes: at most " + CameraEvent.MAX_BOXES + ", had " + e.boxes().size());
            }
            if (e.startedAt() != null && e.startedAt().isAfter(e.occurredAt())) {
                throw new InvalidBatchException("[" + i + "].startedAt: after occurredAt");
            }
            if (e.type().isHealth() != (e.status() != null)) {
                throw new InvalidBatchException(at + ".status: required for camera status events, absent for others");
            }
        }
    }
}
