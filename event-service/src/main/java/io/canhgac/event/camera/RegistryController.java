package io.canhgac.event.camera;

import io.canhgac.contract.registry.MotionSettings;
import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Technicians: discovery sweeps with progress, and onboarding into the registry (errors: {@link RegistryProblems}). */
@RestController
class RegistryController {

    private final CameraOnboardingService onboarding;
    private final DiscoverySweeps sweeps;
    private final AuditLog audit;

    RegistryController(CameraOnboardingService onboarding, DiscoverySweeps sweeps, AuditLog audit) {
        this.onboarding = onboarding;
        this.sweeps = sweeps;
        this.audit = audit;
    }

    /** @param communeId whose network the range is: the sweep runs at the gateway holding that commune */
    record SweepRequest(@NotBlank @Size(max = 64) String range, @Size(max = 64) String communeId) {
    }

    @PostMapping("/api/discovery/sweeps")
    ResponseEntity<DiscoverySweep> sweep(@Valid @RequestBody SweepRequest request, @AuthenticationPrincipal AppUser user,
                                         HttpServletRequest http) {
        String commune = request.communeId() == null || request.communeId().isBlank() ? null : request.communeId().trim();
        DiscoverySweep sweep = sweeps.start(request.range().trim(), commune);
        audit.record(user.getUsername(), AuditAction.DISCOVERY_SWEEP, request.range(), null, http.getRemoteAddr());
        return ResponseEntity.accepted().location(URI.create("/api/discovery/sweeps/" + sweep.id())).body(sweep);
    }

    @GetMapping("/api/discovery/sweeps")
    List<DiscoverySweep> recentSweeps() {
        return sweeps.recent();
    }

    @GetMapping("/api/discovery/sweeps/{id}")
    ResponseEntity<DiscoverySweep> sweep(@PathVariable String id) {
        return ResponseEntity.of(sweeps.find(id));
    }

    @PostMapping("/api/cameras/onboard")
    ResponseEntity<CameraView> onboard(@Valid @RequestBody OnboardingRequest request,
                                       @AuthenticationPrincipal AppUser user, HttpServletRequest http) {
        CameraView camera = onboarding.onboard(request, user.getUsername(), http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/cameras/" + camera.id())).body(camera);
    }

    /** A technician's zones, masks, sensitivity and schedule for one camera; the gateway follows at once. */
    @PutMapping("/api/cameras/{id}/motion")
    ResponseEntity<CameraView> motion(@PathVariable String id, @Valid @RequestBody MotionSettings settings,
                                      @AuthenticationPrincipal AppUser user, HttpServletRequest http) {
        if (!onboarding.setMotion(id, settings)) {
            return ResponseEntity.notFound().build();
        }
        audit.record(user.getUsername(), AuditAction.MOTION_SETTINGS_CHANGED, id, settings.zones().size() + " zones, "
                + settings.masks().size() + " masks, sensitivity " + settings.sensitivity() + ", "
                + settings.schedule().windows().size() + " arming windows", http.getRemoteAddr());
        return ResponseEntity.of(onboarding.camera(id));
    }
}
