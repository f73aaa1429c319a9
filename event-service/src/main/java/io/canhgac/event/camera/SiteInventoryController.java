package io.canhgac.event.camera;

import io.canhgac.contract.registry.InventoryAnnouncement;
import io.canhgac.event.gateway.GatewayIdentity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A site's gateway announces the inventory it keeps itself (on /api/ingest/**: a gateway token only). */
@RestController
class SiteInventoryController {

    private final SiteInventories sites;
    private final GatewayControls controls;

    SiteInventoryController(SiteInventories sites, GatewayControls controls) {
        this.sites = sites;
        this.controls = controls;
    }

    /** Once stored (committed), the gateway is told at once over its link to fetch its cameras. */
    @PutMapping("/api/ingest/inventory")
    InventoryAnnouncement.Accepted announce(@AuthenticationPrincipal GatewayIdentity gateway,
                                            @RequestBody InventoryAnnouncement site, HttpServletRequest request) {
        InventoryAnnouncement.Accepted accepted = sites.accept(gateway, site, request.getRemoteAddr());
        controls.camerasChanged(gateway.id());
        return accepted;
    }

    @ExceptionHandler(SiteInventories.ConflictException.class)
    ProblemDetail conflict(SiteInventories.ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
