package io.canhgac.event.alert;

import io.canhgac.event.events.EventView;
import io.canhgac.event.ingest.EventsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pushes every newly stored event to every connected browser over Server-Sent Events, once committed.
 * On shutdown it ends the streams first, so graceful shutdown does not wait on them (browsers reconnect).
 */
@Component
class AlertBroadcaster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertBroadcaster.class);
    static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    SseEmitter connect() {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        try {
            // tells the browser the stream is open, and how long to wait before reconnecting
            emitter.send(SseEmitter.event().name("hello").reconnectTime(2000).data("connected"));
        } catch (IOException e) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    int connections() {
        return emitters.size();
    }

    @TransactionalEventListener
    void onStored(EventsStored stored) {
        for (EventView event : stored.events()) {
            send(SseEmitter.event().id(event.id().toString()).name("camera-event").data(event, MediaType.APPLICATION_JSON));
        }
    }

    /** A comment every 15 s keeps proxies from closing idle streams and finds dead clients. */
    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        send(SseEmitter.event().comment("keep-alive"));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown, which would otherwise wait for open streams. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void send(SseEmitter.SseEventBuilder message) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(message);
            } catch (IOException | IllegalStateException e) {
                log.debug("SSE client gone: {}", e.toString());
                emitters.remove(emitter);
            }
        }
    }
}
