package io.canhgac.event.nodes;

import io.canhgac.event.SseTestClient;
import io.canhgac.event.WebSession;

import java.util.ArrayList;
import java.util.List;

/**
 * A browser's EventSource over several nodes: when its stream breaks (its node killed) it reopens
 * on a node that is alive with the id of the last message it got, as EventSource does behind a load
 * balancer. Keeps what every connection received.
 */
public final class FollowedStream implements AutoCloseable {

    public static final String PATH = "/api/alerts/stream";

    private final TwoNodes centre;
    private final WebSession browser;
    private final List<SseTestClient> connections = new ArrayList<>();
    private EventServiceNode node;
    private SseTestClient current;

    public FollowedStream(TwoNodes centre, WebSession browser, EventServiceNode node) {
        this.centre = centre;
        this.browser = browser;
        this.node = node;
        open(null);
    }

    /** Reopens the stream if it broke; true if it did. */
    public synchronized boolean reconnectIfBroken() {
        if (!current.ended()) {
            return false;
        }
        node = centre.alive(node);
        open(current.lastEventId());
        return true;
    }

    private void open(String lastEventId) {
        current = browser.on(node.base()).sse(PATH, lastEventId);
        connections.add(current);
    }

    /** Every message of this event name over all connections, in arrival order. */
    public synchronized List<SseTestClient.Received> received(String event) {
        List<SseTestClient.Received> all = new ArrayList<>();
        connections.forEach(c -> all.addAll(c.received(event)));
        return all;
    }

    public synchronized int connections() {
        return connections.size();
    }

    public synchronized EventServiceNode node() {
        return node;
    }

    @Override
    public synchronized void close() {
        connections.forEach(SseTestClient::close);
    }
}
