package io.canhgac.event.alert;

import io.canhgac.event.events.EventView;
import io.canhgac.event.ingest.EventsStored;
import io.canhgac.event.user.CommuneScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Pushes each newly stored event to the connected browsers whose commune scope allows it over Server-Sent Events, once committed.
 * On shutdown it ends the streams first, so graceful shutdown does not wait on them (browsers reconnect).
 */
@Component
class AlertBroadcaster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertBroadcaster.class);
    static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);

    /** An open stream, what its user may see (fixed when it opened) and the session it belongs to. */
    private record Subscriber(SseEmitter emitter, CommuneScope scope, String sessionId) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AlertRepository alerts;
    private volatile boolean running;

    AlertBroadcaster(AlertRepository alerts) {
        this.alerts = alerts;
    }

    SseEmitter connect(CommuneScope scope, String sessionId) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, scope, sessionId);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            // tells the browser the stream is open, and how long to wait before reconnecting
            emitter.send(SseEmitter.event().name("hello").reconnectTime(2000).data("connected"));
        } catch (IOException e) {
            subscribers.remove(subscriber);
        }
        return emitter;
    }

    int connections() {
        return subscribers.size();
    }

    @TransactionalEventListener
    void onStored(EventsStored stored) {
        for (EventView event : stored.events()) {
            SseEmitter.SseEventBuilder message = SseEmitter.event().id(event.id().toString()).name("camera-event")
                    .data(event, MediaType.APPLICATION_JSON);
            send(message, subscriber -> subscriber.scope().allows(event.communeId()));
        }
    }

    /** Raised or handled alerts, each to the streams whose scope allows its commune. */
    @TransactionalEventListener
    void onAlertsChanged(AlertsChanged changed) {
        for (AlertView alert : alerts.find(CommuneScope.DISTRICT, changed.ids())) {
            send(SseEmitter.event().name("alert").data(alert, MediaType.APPLICATION_JSON),
                    subscriber -> alert.visibleIn(subscriber.scope()));
        }
    }

    /** Logout or session timeout ends the session's streams: they must not outlive the login that opened them. */
    @EventListener
    void onSessionEnded(HttpSessionDestroyedEvent ended) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sessionId().equals(ended.getId())) {
                subscribers.remove(subscriber);
                subscriber.emitter().complete();
            }
        }
    }

    /** A comment every 15 s keeps proxies from closing idle streams and finds dead clients. */
    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        send(SseEmitter.event().comment("keep-alive"), subscriber -> true);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
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

    private void send(SseEmitter.SseEventBuilder message, Predicate<Subscriber> to) {
        for (Subscriber subscriber : subscribers) {
            if (!to.test(subscriber)) {
                continue;
            }
            try {
                subscriber.emitter().send(message);
            } catch (IOException | IllegalStateException e) {
                log.debug("SSE client gone: {}", e.toString());
                subscribers.remove(subscriber);
                // end the async request too: else it stays open until its timeout and holds up graceful shutdown
                end(subscriber.emitter());
            }
        }
    }

    /**
     * Completing a stream whose connection has just failed can throw too (Tomcat refuses an async
     * dispatch after its error handling ran): that must not end the loop, or the streams after a dead
     * one would miss the event.
     */
    private static void end(SseEmitter emitter) {
        try {
            emitter.complete();
        } catch (IllegalStateException e) {
            log.debug("SSE stream already ended: {}", e.toString());
        }
    }
}
