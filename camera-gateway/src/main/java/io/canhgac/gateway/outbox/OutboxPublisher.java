package io.canhgac.gateway.outbox;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.StreamReport;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.centre.CentreClient;
import io.canhgac.gateway.publish.EventPublisher;
import io.canhgac.gateway.publish.GatewayJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Publishes through the outbox: every event is on disk before {@link #accept} returns, and one
 * sender thread delivers the journal to the centre in order (so per camera in order), in batches,
 * until each batch is acknowledged; then the stream figures. While the link or the centre is down it
 * tries again with a short capped backoff, so events flow again within seconds of the link's return.
 * <p>
 * A batch the centre refuses as malformed is sent again one event at a time, so that only the events
 * it will never take (a camera removed from the registry meanwhile) are set aside — in
 * {@code refused.jsonl} beside the journal, for a person to read — and the rest are delivered.
 */
public final class OutboxPublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    static final int MAX_BATCH = 500;

    private final EventJournal journal;
    private final StreamReportSlot streamReports;
    private final CentreDelivery delivery;
    private final Backoff backoff;
    private final Path refused;
    private final Thread sender;
    private volatile boolean closed;
    private String failing;

    /**
     * @param timeout a delivery's longest wait for the centre's answer
     * @param refused where events the centre refuses for good are set aside (one JSON line each)
     */
    public static OutboxPublisher start(EventJournal journal, StreamReportSlot streamReports, CentreClient centre,
                                        Duration timeout, Backoff backoff, Path refused) {
        return new OutboxPublisher(journal, streamReports, new CentreDelivery(centre, timeout), backoff, refused);
    }

    OutboxPublisher(EventJournal journal, StreamReportSlot streamReports, CentreDelivery delivery, Backoff backoff,
                    Path refused) {
        this.journal = journal;
        this.streamReports = streamReports;
        this.delivery = delivery;
        this.backoff = backoff;
        this.refused = refused;
        this.sender = new Thread(this::sendLoop, "outbox-sender");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void accept(CameraEvent event) {
        journal.append(event);
    }

    /** The latest stream figures: kept (only the newest per camera) until the centre takes them. */
    public void streamReports(List<StreamReport> reports) {
        streamReports.put(reports);
    }

    @Override
    public int pending() {
        return (int) Math.min(Integer.MAX_VALUE, journal.pendingCount());
    }

    public JournalFigures figures() {
        return journal.figures();
    }

    /** Whether the event still waits for the centre: its media is sent only once it does not. */
    public boolean isPending(java.util.UUID eventId) {
        return journal.isPending(eventId);
    }

    private void sendLoop() {
        while (!closed) {
            try {
                List<EventJournal.Entry> batch = journal.peek(MAX_BATCH, 500);
                boolean delivered = batch.isEmpty() ? sendStreamReports() : deliver(batch);
                if (delivered) {
                    backoff.reset();
                } else {
                    Thread.sleep(backoff.next().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a disk error reading the journal back: said, and tried again rather than the thread lost
                log.error("Outbox sender: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private boolean deliver(List<EventJournal.Entry> batch) throws InterruptedException {
        CentreDelivery.Answer answer = delivery.events(batch.stream().map(EventJournal.Entry::event).toList());
        switch (answer.verdict()) {
            case ACKNOWLEDGED -> {
                journal.acknowledge(batch.get(batch.size() - 1).sequence());
                back(batch.size());
                return true;
            }
            case REFUSED -> {
                if (batch.size() == 1) {
                    setAside(batch.get(0), answer.why());
                    journal.acknowledge(batch.get(0).sequence());
                    return true;
                }
                log.warn("The centre refused a batch of {} events ({}); sending them one by one", batch.size(), answer.why());
                for (EventJournal.Entry one : batch) {
                    if (!deliver(List.of(one))) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                down(answer.why());
                return false;
            }
        }
    }

    private boolean sendStreamReports() throws InterruptedException {
        Optional<StreamReportSlot.Taken> taken = streamReports.take();
        if (taken.isEmpty()) {
            return true;
        }
        if (delivery.streamStats(taken.get().reports())) {
            streamReports.acknowledge(taken.get().version());
            return true;
        }
        down("stream figures not taken");
        return false;
    }

    private void setAside(EventJournal.Entry entry, String why) {
        log.error("The centre refuses event {} of camera {} for good ({}); set aside in {}", entry.event().id(),
                entry.event().cameraId(), why, refused);
        try {
            Files.writeString(refused, GatewayJson.mapper().writeValueAsString(entry.event()) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.error("Event {} could not be set aside either: {}", entry.event().id(), e.toString());
        }
    }

    private void down(String why) {
        if (failing == null) {
            log.warn("Cannot deliver events to the centre ({}); they wait in the outbox, trying again", why);
        }
        failing = why;
    }

    private void back(int delivered) {
        if (failing != null) {
            log.info("The centre takes events again; {} delivered, {} still waiting", delivered, journal.pendingCount());
            failing = null;
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sending; what waits stays in the journal for the next start. The journal is closed by its owner. */
    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
