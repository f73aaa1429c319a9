package io.canhgac.event.presence;

import io.canhgac.event.gateway.Gateway;
import io.canhgac.event.gateway.GatewayRegistry;
import io.canhgac.event.link.GatewayLink;
import io.canhgac.event.link.GatewayLinks;
import io.canhgac.event.link.LinkState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where each registered gateway stands: the registry's table, the links open to this node, the
 * gateway's last requests, and what its links said before they dropped. Listens to the link's
 * events, so the link package knows nothing of this one.
 */
@Component
class GatewayPresence {

    private final GatewayRegistry registry;
    private final GatewayLinks links;
    private final Clock clock;
    private final Instant startedAt;
    /** The last message of each gateway's link that dropped, since this node started. */
    private final Map<UUID, Instant> lastLinkHeard = new ConcurrentHashMap<>();
    private final Set<UUID> linkedSinceStart = ConcurrentHashMap.newKeySet();

    @Autowired
    GatewayPresence(GatewayRegistry registry, GatewayLinks links) {
        this(registry, links, Clock.systemUTC());
    }

    GatewayPresence(GatewayRegistry registry, GatewayLinks links, Clock clock) {
        this.registry = registry;
        this.links = links;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    Instant now() {
        return clock.instant();
    }

    Instant startedAt() {
        return startedAt;
    }

    /** Every registered gateway, as known now. */
    List<GatewaySighting> sightings() {
        return registry.list().stream().map(this::sighting).toList();
    }

    private GatewaySighting sighting(Gateway gateway) {
        LinkState link = links.find(gateway.id()).map(GatewayLink::state).orElse(null);
        Instant contact = Stream.of(link == null ? null : link.lastHeard(), lastLinkHeard.get(gateway.id()),
                        registry.lastRequest(gateway.id()).orElse(null), gateway.lastSeenAt())
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        boolean watched = !gateway.communes().isEmpty() || linkedSinceStart.contains(gateway.id()) || link != null;
        return new GatewaySighting(gateway, link, contact, watched);
    }

    @EventListener
    void onConnected(GatewayLinks.Connected connected) {
        linkedSinceStart.add(connected.link().gatewayId());
    }

    @EventListener
    void onDisconnected(GatewayLinks.Disconnected disconnected) {
        lastLinkHeard.merge(disconnected.link().gatewayId(), disconnected.link().lastHeard(),
                (a, b) -> a.isAfter(b) ? a : b);
    }
}
