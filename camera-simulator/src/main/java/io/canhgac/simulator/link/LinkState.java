package io.canhgac.simulator.link;

import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every connection of one link shares: its target, its conditions, its shaping and its figures.
 * The set of connections and the shaper belong to the link's single event loop.
 */
final class LinkState {

    private final InetSocketAddress target;
    private final AtomicReference<LinkConditions> conditions = new AtomicReference<>(LinkConditions.PERFECT);
    private final LinkCounters counters = new LinkCounters();
    private final LinkShaper shaper = new LinkShaper();
    private final Set<RelayedConnection> connections = new LinkedHashSet<>();

    LinkState(InetSocketAddress target) {
        this.target = target;
    }

    InetSocketAddress target() {
        return target;
    }

    LinkConditions conditions() {
        return conditions.get();
    }

    AtomicReference<LinkConditions> conditionsRef() {
        return conditions;
    }

    boolean cut() {
        return conditions.get().cut();
    }

    LinkCounters counters() {
        return counters;
    }

    LinkShaper shaper() {
        return shaper;
    }

    void opened(RelayedConnection connection) {
        connections.add(connection);
        counters.opened();
    }

    void closed(RelayedConnection connection) {
        if (connections.remove(connection)) {
            counters.closed();
        }
    }

    /** A copy: resetting a connection removes it while the caller walks the list. */
    List<RelayedConnection> connections() {
        return List.copyOf(connections);
    }
}
