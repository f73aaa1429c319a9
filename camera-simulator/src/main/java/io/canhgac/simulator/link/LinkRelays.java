package io.canhgac.simulator.link;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The district's links by name (one per commune gateway), for tests, benchmarks and the fault control. */
public final class LinkRelays implements AutoCloseable {

    private final ConcurrentSkipListMap<String, LinkRelay> relays = new ConcurrentSkipListMap<>();

    /** A relay on a free loopback port to the target; a name is taken once. */
    public synchronized LinkRelay create(String name, InetSocketAddress target) throws InterruptedException {
        if (relays.containsKey(name)) {
            throw new IllegalStateException("there is already a link '" + name + "'");
        }
        LinkRelay relay = LinkRelay.start(name, target);
        relays.put(name, relay);
        return relay;
    }

    public Optional<LinkRelay> find(String name) {
        return Optional.ofNullable(name == null ? null : relays.get(name));
    }

    /** @throws NoSuchElementException naming the known links */
    public LinkRelay get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no link '" + name + "'; known: "
                + (relays.isEmpty() ? "none" : String.join(", ", names()))));
    }

    /** By name. */
    public List<LinkRelay> all() {
        return List.copyOf(relays.values());
    }

    public List<String> names() {
        return List.copyOf(relays.keySet());
    }

    @Override
    public synchronized void close() {
        relays.values().forEach(LinkRelay::close);
        relays.clear();
    }
}
