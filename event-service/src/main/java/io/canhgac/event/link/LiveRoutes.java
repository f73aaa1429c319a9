package io.canhgac.event.link;

import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.gateway.GatewayIdentity;
import io.canhgac.event.user.CommuneScope;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Where a camera's live video and snapshots come from, by the rule every other request to a commune
 * follows: the link of the gateway holding the camera's commune; else the gateway in this process;
 * else the one connected gateway that holds no commune.
 */
@Component
public class LiveRoutes {

    /** @param gateway the gateway whose link carries the camera's video; empty: the gateway in this process, if any */
    public record Route(String cameraId, String communeId, Optional<GatewayIdentity> gateway) {
    }

    private final CameraRepository cameras;
    private final GatewayDirectory directory;

    LiveRoutes(CameraRepository cameras, GatewayDirectory directory) {
        this.cameras = cameras;
        this.directory = directory;
    }

    /** Empty when there is no such camera. Two small queries: cache the answer where it is asked often. */
    public Optional<Route> route(String cameraId) {
        return cameras.find(CommuneScope.REGION, cameraId)
                .map(c -> new Route(c.id(), c.communeId(), directory.linkedGateway(c.communeId())));
    }
}
