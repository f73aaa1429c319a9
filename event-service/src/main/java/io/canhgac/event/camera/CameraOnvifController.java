package io.canhgac.event.camera;

import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.user.AppUser;
import io.canhgac.event.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * A camera's ONVIF side, through its commune's gateway, for whoever may watch it: its PTZ head and
 * presets, its imaging settings and its own event topics (errors: {@link RegistryProblems}). Saving and removing presets changes what every
 * operator goes to in an incident, so it is for technicians and admins and is audited; moves and
 * going to a preset are for the desk too and are not audited (they come several times a second).
 */
@RestController
class CameraOnvifController {

    /** Who may change a camera's stored presets. */
    static final Set<Role> PRESET_KEEPERS = Set.of(Role.ADMIN, Role.TECHNICIAN);

    private final CameraOnboardingService onboarding;
    private final CameraRepository cameras;
    private final AuditLog audit;

    CameraOnvifController(CameraOnboardingService onboarding, CameraRepository cameras, AuditLog audit) {
        this.onboarding = onboarding;
        this.cameras = cameras;
        this.audit = audit;
    }

    /** A camera without PTZ answers 409; a command out of its bounds 400; a preset change by an operator 403. */
    @PostMapping("/api/cameras/{id}/ptz")
    ResponseEntity<?> ptz(@PathVariable String id, @Valid @RequestBody PtzCommand command,
                          @AuthenticationPrincipal AppUser user, HttpServletRequest http) {
        CameraView camera = ptzCamera(user, id);
        if (camera == null) {
            return ResponseEntity.notFound().build();
        }
        if (command.problem() != null) {
            throw new IllegalArgumentException(command.problem());
        }
        if (command.changesPresets() && !PRESET_KEEPERS.contains(user.role())) {
            ProblemDetail refused = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "saving and removing a camera's presets is for technicians and administrators");
            refused.setProperty("problem", "PRESETS_FOR_TECHNICIANS");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(refused);
        }
        onboarding.control(camera.communeId()).ptz(id, command);
        if (command.action() == PtzCommand.Action.SET_PRESET) {
            audit.record(user.getUsername(), AuditAction.PTZ_PRESET_SAVED, id, "'" + command.presetName() + "'"
                    + (command.preset() == null ? " as a new preset" : " over preset " + command.preset()), http.getRemoteAddr());
        } else if (command.action() == PtzCommand.Action.REMOVE_PRESET) {
            audit.record(user.getUsername(), AuditAction.PTZ_PRESET_REMOVED, id, "preset " + command.preset(), http.getRemoteAddr());
        }
        return ResponseEntity.noContent().build();
    }

    /** The presets stored on the camera for its main profile, read from it now. */
    @GetMapping("/api/cameras/{id}/presets")
    ResponseEntity<List<CameraPreset>> presets(@PathVariable String id, @AuthenticationPrincipal AppUser user) {
        CameraView camera = ptzCamera(user, id);
        return camera == null ? ResponseEntity.notFound().build()
                : ResponseEntity.ok(onboarding.control(camera.communeId()).presets(id));
    }

    /** The camera's imaging settings (its main video source), read from it now. */
    @GetMapping("/api/cameras/{id}/imaging")
    ResponseEntity<CameraImaging> imaging(@PathVariable String id, @AuthenticationPrincipal AppUser user) {
        CameraView camera = onboarded(user, id);
        return camera == null ? ResponseEntity.notFound().build()
                : ResponseEntity.ok(onboarding.control(camera.communeId()).imaging(id));
    }

    /** The event topics the camera itself can raise. */
    @GetMapping("/api/cameras/{id}/topics")
    ResponseEntity<List<CameraTopic>> topics(@PathVariable String id, @AuthenticationPrincipal AppUser user) {
        CameraView camera = onboarded(user, id);
        return camera == null ? ResponseEntity.notFound().build()
                : ResponseEntity.ok(onboarding.control(camera.communeId()).topics(id));
    }

    /** The camera in the person's communes, null when it is not there; 409 when it is not onboarded. */
    private CameraView onboarded(AppUser user, String id) {
        CameraView camera = cameras.find(user.scope(), id).orElse(null);
        if (camera != null && camera.registration() == null) {
            throw new IllegalStateException("camera " + id + " is not onboarded");
        }
        return camera;
    }

    /** The camera in the person's communes, null when it is not there; 409 when it has no PTZ. */
    private CameraView ptzCamera(AppUser user, String id) {
        CameraView camera = cameras.find(user.scope(), id).orElse(null);
        if (camera != null && (camera.registration() == null || !camera.registration().ptz())) {
            throw new IllegalStateException("camera " + id + " has no PTZ");
        }
        return camera;
    }
}
