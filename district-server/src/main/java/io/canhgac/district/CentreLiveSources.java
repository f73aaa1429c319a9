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
 * The camera streams and recordings the centre's live server serves: a commune's through the link of
 * the gateway that reaches it, the others from the gateway in this process when one runs. Asked on the live
 * server's event loop, so each camera's route is kept a few seconds rather than queried every time.
 */
final class CentreLiveSources implements LiveSources, PlaybackSources {

    private static final Duration ROUTE_KEPT = Duration.ofSeconds(5);

    private record Kept(LiveRoutes.Route route, long atNanos) {
    }

    private final LiveRoutes routes;
    private final GatewayLinks links;
    private final LiveSources inProcess;
    private final PlaybackSources inProcessRecordings;
    private final Duration linkTimeout;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /**
     * @param inProcess           the in-process gateway's cameras; {@link LiveSources#none()} when none runs
     * @param inProcessRecordings their recordings; {@link PlaybackSources#none()} when none runs or it records nothing
     */
    CentreLiveSources(LiveRoutes routes, GatewayLinks links, LiveSources inProcess, PlaybackSources inProcessRecordings,
                      Duration linkTimeout) {
        this.routes = routes;
        this.links = links;
        this.inProcess = inProcess;
        this.inProcessRecordings = inProcessRecordings;
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
     * A commune camera's recording, played by its gateway over the link; the others' read from the
     * segments of the gateway in this process. Either way the packets are the recorded ones, muxed as
     * live video is: nothing is transcoded.
     */
    @Override
    public Optional<PacketSource> playback(String cameraId, LiveStream stream, Instant from, int speed) {
        Optional<LiveRoutes.Route> route = route(cameraId);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        Optional<GatewayIdentity> gateway = route.get().gateway();
        if (gateway.isPresent()) {
            return Optional.of(LinkPacketSource.playback(() -> links.find(gateway.get().id()), gateway.get().name(), cameraId,
                    from, speed, linkTimeout));
        }
        return inProcessRecordings.playback(cameraId, stream, from, speed);
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
