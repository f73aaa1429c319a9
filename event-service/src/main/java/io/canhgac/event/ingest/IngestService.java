package io.canhgac.event.ingest;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.IngestOutcome;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.events.EventRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Stores a gateway's batch whole or not at all, once per event id, and updates camera status. */
@Service
class IngestService {

    static final int MAX_BATCH = 1000;

    private final EventRepository events;
    private final CameraRepository cameras;
    private final ApplicationEventPublisher publisher;

    IngestService(EventRepository events, CameraRepository cameras, ApplicationEventPublisher publisher) {
        this.events = events;
        this.cameras = cameras;
        this.publisher = publisher;
    }

    @Transactional
    public List<IngestOutcome> ingest(List<CameraEvent> batch) {
        validate(batch);
        List<IngestOutcome> outcomes = new ArrayList<>(batch.size());
        List<UUID> stored = new ArrayList<>();
        for (CameraEvent e : batch) {
            boolean isNew = events.insertIfAbsent(e);
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
            throw new InvalidBatchException("batch of " + batch.size() + " events; at most " + MAX_BATCH + " per request");
        }
        Set<String> known = cameras.ids();
        for (int i = 0; i < batch.size(); i++) {
            CameraEvent e = batch.get(i);
            if (e == null) {
                throw new InvalidBatchException("[" + i + "]: null event");
            }
            if (!known.contains(e.cameraId())) {
                throw new InvalidBatchException("[" + i + "].cameraId: unknown camera '" + e.cameraId() + "'");
            }
            if (e.score() != null && !(e.score() >= 0 && e.score() <= 1)) {
                throw new InvalidBatchException("[" + i + "].score: must be between 0 and 1, was " + e.score());
            }
            if (e.boxes() != null && e.boxes().size() > CameraEvent.MAX_BOXES) {
                throw new InvalidBatchException("[" + i + "].boxes: at most " + CameraEvent.MAX_BOXES + ", had " + e.boxes().size());
            }
            if (e.startedAt() != null && e.startedAt().isAfter(e.occurredAt())) {
                throw new InvalidBatchException("[" + i + "].startedAt: after occurredAt");
            }
            if (e.type().isHealth() != (e.status() != null)) {
                throw new InvalidBatchException("[" + i + "].status: required for camera status events, absent for others");
            }
        }
    }
}
