package io.canhgac.event.link;

import io.canhgac.contract.link.LinkRequest;
import io.canhgac.event.camera.GatewayControl;
import io.canhgac.event.camera.GatewayControls;
import io.canhgac.event.camera.GatewayUnavailableException;
import io.canhgac.event.gateway.Gateway;
import io.canhgac.event.gateway.GatewayIdentity;
import io.canhgac.event.gateway.GatewayRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The way to each commune's cameras: the gateway that holds the commune, over its own link; for a
 * commune no gateway holds, the gateway in this process (the all-in-one) or else the one connected
 * gateway that holds no commune.
 */
@Component
class GatewayDirectory implements GatewayControls {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final GatewayRegistry gateways;
    private final GatewayLinks links;
    private final ObjectProvider<GatewayControl> inProcess;
    private final LinkProperties properties;

    GatewayDirectory(GatewayRegistry gateways, GatewayLinks links, ObjectProvider<GatewayControl> inProcess,
                     LinkProperties properties) {
        this.gateways = gateways;
        this.links = links;
        this.inProcess = inProcess;
        this.properties = properties;
    }

    @Override
    public GatewayControl forCommune(String communeId) {
        Optional<GatewayIdentity> holder = communeId == null ? Optional.empty() : gateways.holderOf(communeId);
        if (holder.isPresent()) {
            return links.find(holder.get().id()).<GatewayControl>map(l -> new RemoteGatewayControl(l, properties))
                    .orElseThrow(() -> new GatewayUnavailableException("commune " + communeId + " is reached through gateway "
                            + holder.get().name() + ", which is not connected now" + lastSeen(holder.get())));
        }
        GatewayControl local = inProcess.getIfAvailable();
        if (local != null) {
            return local;
        }
        List<GatewayLink> free = freeLinks();
        if (free.size() == 1) {
            return new RemoteGatewayControl(free.get(0), properties);
        }
        if (communeId == null) {
            throw new GatewayUnavailableException(free.isEmpty()
                    ? "no gateway is connected that could reach the cameras"
                    : "several gateways are connected: say which commune's network to reach");
        }
        throw new GatewayUnavailableException("no gateway holds commune " + communeId + " and none is connected that "
                + "serves communes no gateway holds; an admin gives the commune to its gateway");
    }

    /**
     * The gateway whose link reaches the commune by the same rule, whether it is connected now or not;
     * empty when the gateway in this process does, or nobody does.
     */
    Optional<GatewayIdentity> linkedGateway(String communeId) {
        Optional<GatewayIdentity> holder = communeId == null ? Optional.empty() : gateways.holderOf(communeId);
        if (holder.isPresent() || inProcess.getIfAvailable() != null) {
            return holder;
        }
        List<GatewayLink> free = freeLinks();
        return free.size() == 1 ? Optional.of(free.get(0).gateway()) : Optional.empty();
    }

    /** Connected gateways that hold no commune: they serve the communes nobody holds. */
    private List<GatewayLink> freeLinks() {
        return links.all().stream()
                .filter(l -> gateways.find(l.gateway().id()).map(g -> g.communes().isEmpty()).orElse(false)).toList();
    }

    @Override
    public void camerasChanged() {
        inProcess.ifAvailable(GatewayControl::camerasChanged);
        links.all().forEach(l -> l.tell(new LinkRequest.CamerasChanged()));
    }

    @Override
    public void camerasChanged(UUID gatewayId) {
        links.find(gatewayId).ifPresent(l -> l.tell(new LinkRequest.CamerasChanged()));
    }

    private String lastSeen(GatewayIdentity gateway) {
        return gateways.find(gateway.id()).map(Gateway::lastSeenAt).map(t -> " (last contact " + CLOCK.format(t) + ")").orElse("");
    }
}
