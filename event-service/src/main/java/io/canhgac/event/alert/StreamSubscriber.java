package io.canhgac.event.alert;

import io.canhgac.event.user.CommuneScope;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One open stream: what its user may see (fixed when it opened), its session and user (to end it
 * when they end), and the last seq it was sent. Messages go out in seq order and never twice: while
 * its replay is being read, live ones wait in a queue, and anything at or below the last seq sent is
 * dropped (a replayed message may also arrive live).
 */
final class StreamSubscriber {

    final SseEmitter emitter;
    final CommuneScope scope;
    final String sessionId;
    final String username;
    private long lastSent;
    private List<StreamMessage> waiting = new ArrayList<>();

    StreamSubscriber(SseEmitter emitter, CommuneScope scope, String sessionId, String username, long lastSent) {
        this.emitter = emitter;
        this.scope = scope;
        this.sessionId = sessionId;
        this.username = username;
        this.lastSent = lastSent;
    }

    /** Sends it now, or queues it while the replay is under way. */
    synchronized void offer(StreamMessage message) throws IOException {
        if (waiting != null) {
            waiting.add(message);
        } else {
            send(message);
        }
    }

    /** The replay, then whatever came live meanwhile; from then on messages go straight out. */
    synchronized void replayed(List<StreamMessage> replay) throws IOException {
        for (StreamMessage m : replay) {
            send(m);
        }
        List<StreamMessage> live = waiting;
        waiting = null;
        for (StreamMessage m : live) {
            send(m);
        }
    }

    /** Skips the replay (the browser was away too long and reloads its lists instead). */
    synchronized void resync(long head) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(head)).name("resync").data("reload"));
        lastSent = Math.max(lastSent, head);
        replayed(List.of());
    }

    private void send(StreamMessage m) throws IOException {
        if (m.seq() <= lastSent || !m.visibleIn().test(scope)) {
            return;
        }
        emitter.send(SseEmitter.event().id(Long.toString(m.seq())).name(m.name()).data(m.data(), MediaType.APPLICATION_JSON));
        lastSent = m.seq();
    }
}
