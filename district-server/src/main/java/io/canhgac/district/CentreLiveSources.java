package io.canhgac.district;

import io.canhgac.event.gateway.GatewayIdentity;
import io.canhgac.event.link.GatewayLinks;
import io.canhgac.event.link.LiveRoutes;
import io.canhgac.gateway.live.LiveSource;
import io.canhgac.gateway.live.LiveSources;
import io.canhgac.gateway.live.PacketSource;
import io.canhgac.gateway.live.PlaybackSources;
import io.canhgac.gateway.live.LiveStream;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The camera streams the centre's live server serves: a commune's through the link of the gateway
 * that reaches it, the others from the gateway in this process when one runs. Asked on the live
 * server's event loop, so each camera's route is kept a few seconds rather than queried every time.
 */
final class CentreLiveSources implements LiveSources, PlaybackSources {

    private static final Duration ROUTE_KEPT = Duration.ofSeconds(5);

    private record Kept(LiveRoutes.Route route, long atNanos) {
    }

    private final LiveRoutes routes;
    private final GatewayLinks links;
    private final LiveSources inProcess;
    private final Duration linkTimeout;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** @param inProcess the in-process gateway's cameras; {@link LiveSources#none()} when none runs */
    CentreLiveSources(LiveRoutes routes, GatewayLinks links, LiveSources inProcess, Duration linkTimeout) {
        this.routes = routes;
        this.links = links;
        this.inProcess = inProcess;
        this.linkTimeout = linkTimeout;
    }

    @Override
    public Optional<LiveSource> find(String cameraId, LiveStream stream) {
        Optional<LiveRoutes.Route> route = route(cameraId);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        Optional<GatewayIdentity> gateway = route.get().gateway();
        if (gateway.isPresent()) {
            return Optional.of(new LinkLiveSource(links, gateway.get(), cameraId, stream, linkTimeout));
        }
        return inProcess.find(cameraId, stream);
    }

    /**
     * A commune camera's recording, played by its gateway over the link. The gateway in this process
     * keeps no recording the centre can play: its cameras have none here.
     */
    @Override
    public Optional<PacketSource> playback(String cameraId, LiveStream stream, Instant from, int speed) {
        return route(cameraId).flatMap(LiveRoutes.Route::gateway).map(gateway ->
                LinkPacketSource.playback(() -> links.find(gateway.id()), gateway.name(), cameraId, from, speed, linkTimeout));
    }

    /** An unknown camera is not kept: one onboarded a moment ago is found at once. */
    private Optional<LiveRoutes.Route> route(String cameraId) {
        long now = System.nanoTime();
        Kept k = kept.get(cameraId);
        if (k != null && now - k.atNanos() < ROUTE_KEPT.toNanos()) {
            return Optional.of(k.route());
        }
        Optional<LiveRoutes.Route> route = routes.route(cameraId);
        route.ifPresentOrElse(r -> kept.put(cameraId, new Kept(r, now)), () -> kept.remove(cameraId));
        return route;
    }
}
