package io.canhgac.event.camera;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.event.gateway.GatewayIdentity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Gateways ask which cameras to pull and watch (on /api/ingest/**, so only with a gateway token). */
@RestController
class GatewayCameraController {

    private final CameraRegistry registry;

    GatewayCameraController(CameraRegistry registry) {
        this.registry = registry;
    }

    /** The cameras of the communes the asking gateway holds (see {@link CameraRegistry#assignments}). */
    @GetMapping("/api/ingest/cameras")
    List<CameraAssignment> assignments(@AuthenticationPrincipal GatewayIdentity gateway) {
        return registry.assignments(gateway.id());
    }
}
