package io.canhgac.event.link;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateways connected to this centre now, one link each: a gateway that connects again (its old
 * connection half-dead behind a NAT) replaces its old link, which is closed.
 */
@Component
public class GatewayLinks {

    private static final Logger log = LoggerFactory.getLogger(GatewayLinks.class);
    /** Application close code: a newer connection of the same gateway took over. */
    static final CloseStatus REPLACED = new CloseStatus(4000, "replaced by a newer connection of the same gateway");

    /** Published when a gateway's link comes up. */
    public record Connected(LinkState link) {
    }

    /** Published when a gateway's link goes down (not when a newer connection replaced it). */
    public record Disconnected(LinkState link, int code, String reason) {
    }

    private final Map<UUID, GatewayLink> links = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;

    GatewayLinks(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** The gateway's open link, if it is connected. */
    public Optional<GatewayLink> find(UUID gatewayId) {
        GatewayLink link = links.get(gatewayId);
        return link != null && link.isOpen() ? Optional.of(link) : Optional.empty();
    }

    /** Every open link. */
    public List<GatewayLink> all() {
        return links.values().stream().filter(GatewayLink::isOpen).toList();
    }

    public List<LinkState> states() {
        return links.values().stream().map(GatewayLink::state).toList();
    }

    void connected(GatewayLink link) {
        GatewayLink old = links.put(link.gateway().id(), link);
        if (old != null) {
            log.info("Gateway {} connected again from {}; its older link is closed", link.gateway().name(), link.state().remoteAddress());
            old.closed(REPLACED);
            old.close(REPLACED);
        } else {
            log.info("Gateway {} connected from {}", link.gateway().name(), link.state().remoteAddress());
        }
        events.publishEvent(new Connected(link.state()));
    }

    void disconnected(GatewayLink link, CloseStatus why) {
        link.closed(why);
        if (links.remove(link.gateway().id(), link)) {
            log.info("Gateway {}'s link closed ({} {})", link.gateway().name(), why.getCode(), why.getReason() == null ? "" : why.getReason());
            events.publishEvent(new Disconnected(link.state(), why.getCode(), why.getReason()));
        }
    }
}
