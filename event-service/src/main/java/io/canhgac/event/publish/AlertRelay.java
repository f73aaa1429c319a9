package io.canhgac.event.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.alert.AlertsRaised;
import io.canhgac.event.alert.RaisedAlert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes committed alerts into a bounded in-memory queue (never blocking ingest) and delivers them
 * in order through one {@link AlertChannel} on a thread of its own, retrying the alert at the head
 * with capped exponential backoff while the other side is away.
 * <p>
 * When the queue is full the newest alert is dropped: counted in
 * {@code canhgac_alerts_published_total{outcome="dropped"}} and logged once per outage, with the total
 * when delivery resumes. Alerts still queued at shutdown are lost to this channel; every alert stays
 * in the database and on the alert desk either way.
 */
final class AlertRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertRelay.class);

    private final AlertChannel channel;
    private final RelaySettings settings;
    private final ObjectMapper json;
    private final BlockingQueue<RaisedAlert> queue;
    private final Counter delivered;
    private final Counter refused;
    private final Counter dropped;
    private final AtomicLong droppedSinceDelivery = new AtomicLong();
    private volatile Thread worker;

    AlertRelay(AlertChannel channel, RelaySettings settings, ObjectMapper json, MeterRegistry registry) {
        this.channel = channel;
        this.settings = settings;
        this.json = json;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        String sink = channel.name();
        this.delivered = outcome(registry, sink, "delivered");
        this.refused = outcome(registry, sink, "refused");
        this.dropped = outcome(registry, sink, "dropped");
        Gauge.builder("canhgac.alerts.outbox", queue, BlockingQueue::size).tag("sink", sink)
                .description("Alerts waiting to be published").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String sink, String outcome) {
        return Counter.builder("canhgac.alerts.published").description("Alerts handed to MQTT or the webhook, by outcome")
                .tag("sink", sink).tag("outcome", outcome).register(registry);
    }

    /** After commit only: an alert whose transaction rolled back is never sent. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onRaised(AlertsRaised raised) {
        raised.alerts().forEach(this::offer);
    }

    /** Queues the alert, or drops and counts it when the queue is full. Never blocks. */
    void offer(RaisedAlert alert) {
        if (!queue.offer(alert)) {
            dropped.increment();
            if (droppedSinceDelivery.getAndIncrement() == 0) {
                log.warn("{}: queue full ({} alerts waiting); dropping new alerts until it drains", channel.name(), queue.size());
            }
        }
    }

    int queued() {
        return queue.size();
    }

    private void run() {
        RaisedAlert head = null;
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (head == null) {
                    head = queue.take();
                }
                AlertChannel.Delivery result = channel.deliver(head, toJson(head));
                if (result == AlertChannel.Delivery.DELIVERED) {
                    delivered.increment();
                } else {
                    refused.increment();
                    log.warn("{}: alert {} refused for good, not retried", channel.name(), head.id());
                }
                head = null;
                if (failures > 0) {
                    log.info("{}: delivering again after {} failed attempts", channel.name(), failures);
                    failures = 0;
                }
                long lost = droppedSinceDelivery.getAndSet(0);
                if (lost > 0) {
                    log.warn("{}: {} alerts were dropped while the queue was full", channel.name(), lost);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failures++;
                channel.close();
                Duration wait = settings.backoff(failures);
                if (failures == 1) {
                    log.warn("{}: cannot deliver ({}); retrying with backoff up to {}", channel.name(), e.toString(), settings.retryMax());
                } else {
                    log.debug("{}: attempt {} failed ({}); next in {}", channel.name(), failures, e.toString(), wait);
                }
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private byte[] toJson(RaisedAlert alert) {
        try {
            return json.writeValueAsBytes(alert);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "alert-relay-" + channel.name());
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channel.close();
        if (!queue.isEmpty()) {
            log.warn("{}: {} alerts not delivered at shutdown (they remain on the alert desk)", channel.name(), queue.size());
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
