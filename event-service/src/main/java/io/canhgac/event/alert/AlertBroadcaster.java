package io.canhgac.event.alert;

import io.canhgac.event.user.AccessWithdrawn;
import io.canhgac.event.user.CommuneScope;
import io.canhgac.event.user.SessionEnded;
import io.canhgac.event.user.SessionsInStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * This node's open alert streams. What they carry comes from the feed ({@link AlertFeedReader}), so a
 * browser hears of an event or alert whichever node stored it; one that reconnects with
 * Last-Event-ID is first replayed what it missed. On shutdown it ends the streams first, so graceful
 * shutdown does not wait on them (browsers reconnect, to this node or another).
 */
@Component
class AlertBroadcaster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertBroadcaster.class);
    static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);

    private final List<StreamSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AlertFeed feed;
    private final FeedMessages messages;
    private final SessionsInStore sessions;
    private volatile boolean running;

    AlertBroadcaster(AlertFeed feed, FeedMessages messages, SessionsInStore sessions) {
        this.feed = feed;
        this.messages = messages;
        this.sessions = sessions;
    }

    /**
     * Opens a stream.
     *
     * @param lastEventId the last seq the browser received on an earlier stream; null for a new one
     */
    SseEmitter connect(CommuneScope scope, String sessionId, String username, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        long head = feed.head();
        long from = lastEventId == null ? head : Math.min(lastEventId, head);
        StreamSubscriber subscriber = new StreamSubscriber(emitter, scope, sessionId, username, from);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            // tells the browser the stream is open, and how long to wait before reconnecting; its id is
            // where a reconnect resumes if nothing else comes first
            emitter.send(SseEmitter.event().id(Long.toString(from)).name("hello").reconnectTime(2000).data("connected"));
            replay(subscriber, from);
        } catch (IOException | IllegalStateException e) {
            drop(subscriber, e);
        }
        return emitter;
    }

    /**
     * What the browser missed, from the feed table; too far back, it is told to reload instead. Read
     * after the stream is registered, so what committed in between comes by one way or the other
     * (also for a new stream, whose replay is what committed since it read the head).
     */
    private void replay(StreamSubscriber subscriber, long from) throws IOException {
        List<AlertFeed.Entry> missed = feed.after(from, AlertFeed.REPLAY_LIMIT + 1);
        boolean pruned = from > 0 && !missed.isEmpty() && !feed.holds(from);
        if (pruned || missed.size() > AlertFeed.REPLAY_LIMIT || (!missed.isEmpty() && !missed.get(0).withinReplay())) {
            subscriber.resync(feed.head());
        } else {
            subscriber.replayed(messages.of(missed));
        }
    }

    int connections() {
        return subscribers.size();
    }

    /** New feed messages, in seq order, to every stream whose scope allows them. */
    void deliver(List<StreamMessage> batch) {
        for (StreamSubscriber subscriber : subscribers) {
            try {
                for (StreamMessage m : batch) {
                    subscriber.offer(m);
                }
            } catch (IOException | IllegalStateException e) {
                drop(subscriber, e);
            }
        }
    }

    /** Logout, or a session ended on any node: its streams must not outlive the login that opened them. */
    @EventListener
    void onSessionEnded(SessionEnded ended) {
        end(s -> s.sessionId.equals(ended.sessionId()));
    }

    /** A person disabled or changed on any node: all their streams end (their sessions have). */
    @EventListener
    void onAccessWithdrawn(AccessWithdrawn withdrawn) {
        end(s -> withdrawn.username().equals(s.username));
    }

    /**
     * A comment every 15 s keeps proxies from closing idle streams and finds dead clients; and a
     * stream whose session expired (or ended while this node did not hear of it) ends.
     */
    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        for (StreamSubscriber subscriber : subscribers) {
            try {
                subscriber.emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                drop(subscriber, e);
            }
        }
        Set<String> open = subscribers.stream().map(s -> s.sessionId).collect(Collectors.toSet());
        if (!open.isEmpty()) {
            try {
                Set<String> gone = sessions.absent(open);
                end(s -> gone.contains(s.sessionId));
            } catch (RuntimeException databaseAway) {
                // streams outlive a database outage: they resume from the feed when it is back
                log.debug("Could not check the streams' sessions: {}", databaseAway.toString());
            }
        }
    }

    private void end(Predicate<StreamSubscriber> which) {
        for (StreamSubscriber subscriber : subscribers) {
            if (which.test(subscriber)) {
                subscribers.remove(subscriber);
                complete(subscriber.emitter);
            }
        }
    }

    private void drop(StreamSubscriber subscriber, Exception e) {
        log.debug("SSE client gone: {}", e.toString());
        subscribers.remove(subscriber);
        // end the async request too: else it stays open until its timeout and holds up graceful shutdown
        complete(subscriber.emitter);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        subscribers.forEach(s -> complete(s.emitter));
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

    /**
     * Completing a stream whose connection has just failed can throw too (Tomcat refuses an async
     * dispatch after its error handling ran): that must not end a loop, or the streams after a dead
     * one would miss the message.
     */
    private static void complete(SseEmitter emitter) {
        try {
            emitter.complete();
        } catch (IllegalStateException e) {
            log.debug("SSE stream already ended: {}", e.toString());
        }
    }
}
