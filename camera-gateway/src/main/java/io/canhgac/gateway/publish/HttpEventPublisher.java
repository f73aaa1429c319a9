package io.canhgac.gateway.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.IngestOutcome;
import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.centre.CentreClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Posts events in batches to the event-service's ingest API and keeps every event until the
 * service acknowledges it; when the link is down it retries with capped backoff, in order.
 * Events are held in memory: a gateway restart during an outage loses what was pending.
 */
public final class HttpEventPublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(HttpEventPublisher.class);
    static final int MAX_BATCH = 200;

    static final String PATH = "/api/ingest/events";

    private final CentreClient centre;
    private final LinkedBlockingDeque<CameraEvent> queue = new LinkedBlockingDeque<>();
    private final Backoff backoff;
    private final Duration requestTimeout;
    private final Thread sender;
    private volatile boolean closed;
    private volatile int inFlight;

    public HttpEventPublisher(CentreClient centre, Duration requestTimeout, Backoff backoff) {
        this.centre = centre;
        this.requestTimeout = requestTimeout;
        this.backoff = backoff;
        this.sender = new Thread(this::sendLoop, "event-publisher");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    @Override
    public void accept(CameraEvent event) {
        if (closed) {
            throw new IllegalStateException("publisher closed; event " + event.id() + " not accepted");
        }
        queue.add(event);
    }

    @Override
    public int pending() {
        return queue.size() + inFlight;
    }

    /** Waits until everything accepted so far is acknowledged, or the timeout passes. */
    public boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pending() > 0) {
            log.warn("Event publisher closed with {} events not delivered", pending());
        }
    }

    private void sendLoop() {
        List<CameraEvent> batch = new ArrayList<>();
        while (!closed) {
            try {
                CameraEvent first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                inFlight = batch.size();
                deliver(batch);
                batch.clear();
                inFlight = 0;
            } catch (InterruptedException e) {
                // closing: put the unsent batch back in front so pending() stays honest
                for (int i = batch.size() - 1; i >= 0; i--) {
                    queue.addFirst(batch.get(i));
                }
                inFlight = 0;
                return;
            }
        }
    }

    /** Retries until the whole batch is acknowledged (or refused as malformed). */
    private void deliver(List<CameraEvent> batch) throws InterruptedException {
        boolean failing = false;
        while (true) {
            try {
                HttpResponse<String> response = post(batch);
                int code = response.statusCode();
                if (code == 200) {
                    checkAcknowledged(batch, response.body());
                    if (failing) {
                        log.info("Event-service reachable again; delivered {} events", batch.size());
                    }
                    backoff.reset();
                    return;
                }
                if (code == 400 || code == 422) {
                    log.error("Event-service refused a batch of {} events as malformed ({}): {}; dropping it",
                            batch.size(), code, response.body());
                    return;
                }
                failing = warnOnce(failing, "HTTP " + code);
            } catch (IOException e) {
                failing = warnOnce(failing, e.toString());
            }
            Thread.sleep(backoff.next().toMillis());
        }
    }

    private boolean warnOnce(boolean failing, String why) {
        if (!failing) {
            log.warn("Cannot deliver events to {} ({}); keeping them and retrying with backoff", centre.uri(PATH), why);
        }
        return true;
    }

    private HttpResponse<String> post(List<CameraEvent> batch) throws IOException, InterruptedException {
        HttpRequest request = centre.request(PATH, requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(centre.toJson(batch))).build();
        return centre.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void checkAcknowledged(List<CameraEvent> batch, String body) throws IOException {
        List<IngestOutcome> outcomes = centre.json().readValue(body, new TypeReference<>() {
        });
        Set<UUID> acknowledged = new HashSet<>();
        outcomes.forEach(o -> acknowledged.add(o.id()));
        for (CameraEvent e : batch) {
            if (!acknowledged.contains(e.id())) {
                throw new IOException("event-service did not acknowledge event " + e.id());
            }
        }
    }
}
