package io.canhgac.event.recording;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.event.camera.GatewayUnavailableException;
import io.canhgac.event.link.GatewayLink;
import io.canhgac.event.link.GatewayLinkException;
import io.canhgac.event.link.GatewayLinks;
import io.canhgac.event.link.LiveRoutes;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.LongFunction;

/**
 * A camera's recording, kept at its commune's gateway and reached over that gateway's control link
 * by the same route as its live video. The gateway in this process (the all-in-one) keeps no
 * recording the centre can ask for: its cameras are refused with GATEWAY_UNAVAILABLE, saying so.
 */
@Component
class GatewayRecordings {

    /** Recordings are an index lookup at the gateway: a slow commune link still answers well within this. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final LiveRoutes routes;
    private final GatewayLinks links;

    GatewayRecordings(LiveRoutes routes, GatewayLinks links) {
        this.routes = routes;
        this.links = links;
    }

    LinkReply.Recorded recorded(String cameraId, Instant from, Instant to) {
        LinkReply.Answer answer = call(cameraId, id -> new LinkRequest.Recordings(id, cameraId, from, to));
        if (answer instanceof LinkReply.Recorded recorded) {
            return recorded;
        }
        throw new GatewayLinkException("FAILED", "the gateway answered " + answer.getClass().getSimpleName() + " to a recordings request");
    }

    void hold(UUID incidentId, String cameraId, Instant from, Instant to, boolean held) {
        call(cameraId, id -> new LinkRequest.RecordingHold(id, incidentId, cameraId, from, to, held));
    }

    void export(UUID exportId, String cameraId, Instant from, Instant to) {
        call(cameraId, id -> new LinkRequest.RecordingExport(id, exportId, cameraId, from, to));
    }

    /**
     * @throws GatewayUnavailableException no gateway link reaches the camera now
     * @throws GatewayLinkException        the gateway refused (its problem code) or the link failed meanwhile
     */
    private LinkReply.Answer call(String cameraId, LongFunction<LinkRequest.Call> request) {
        GatewayLink link = link(cameraId);
        try {
            return link.call(request, TIMEOUT, null).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayLinkException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayLinkException(GatewayLinkException.LINK_DOWN, "interrupted while waiting for gateway " + link.gateway().name());
        }
    }

    private GatewayLink link(String cameraId) {
        LiveRoutes.Route route = routes.route(cameraId)
                .orElseThrow(() -> new GatewayUnavailableException("no camera " + cameraId));
        var gateway = route.gateway().orElseThrow(() -> new GatewayUnavailableException("camera " + cameraId
                + " is reached through the gateway in this process, which keeps no recording the centre can play"));
        return links.find(gateway.id()).orElseThrow(() -> new GatewayUnavailableException("commune " + route.communeId()
                + "'s recordings are kept at gateway " + gateway.name() + ", which is not connected now"));
    }
}
