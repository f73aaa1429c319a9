package io.canhgac.event.camera;

import io.canhgac.contract.registry.CameraAssignment;
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

    @GetMapping("/api/ingest/cameras")
    List<CameraAssignment> assignments() {
        return registry.assignments();
    }
}
