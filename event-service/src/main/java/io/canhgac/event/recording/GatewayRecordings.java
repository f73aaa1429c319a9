package io.canhgac.event.recording;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.event.camera.GatewayUnavailableException;
import io.canhgac.event.link.GatewayLinkException;
import io.canhgac.event.link.GatewayLinks;
import io.canhgac.event.link.LiveRoutes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * What the centre asks of a camera's recording, wherever it is kept: found by the same route as the
 * camera's live video, at its commune's gateway over that gateway's control link, or for a camera
 * reached through the gateway in this process (the all-in-one), at that gateway.
 */
@Component
class GatewayRecordings {

    private final LiveRoutes routes;
    private final GatewayLinks links;
    private final ObjectProvider<CameraRecordings> inProcess;

    /** @param inProcess the gateway in this process, when one runs */
    GatewayRecordings(LiveRoutes routes, GatewayLinks links, ObjectProvider<CameraRecordings> inProcess) {
        this.routes = routes;
        this.links = links;
        this.inProcess = inProcess;
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
     * @throws GatewayUnavailableException no gateway keeping the camera's recording is reachable now
     * @throws GatewayLinkException        the gateway refused (its problem code) or the link failed meanwhile
     */
    private LinkReply.Answer call(String cameraId, LongFunction<LinkRequest.Call> request) {
        return keeper(cameraId).ask(request);
    }

    private CameraRecordings keeper(String cameraId) {
        LiveRoutes.Route route = routes.route(cameraId)
                .orElseThrow(() -> new GatewayUnavailableException("no camera " + cameraId));
        if (route.gateway().isEmpty()) {
            CameraRecordings local = inProcess.getIfAvailable();
            if (local == null) {
                throw new GatewayUnavailableException("no gateway reaches camera " + cameraId + "'s commune "
                        + route.communeId() + " now, so none can be asked for its recording");
            }
            return local;
        }
        var gateway = route.gateway().get();
        return links.find(gateway.id()).<CameraRecordings>map(LinkRecordings::new)
                .orElseThrow(() -> new GatewayUnavailableException("commune " + route.communeId()
                        + "'s recordings are kept at gateway " + gateway.name() + ", which is not connected now"));
    }
}
