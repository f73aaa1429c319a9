package io.canhgac.event.recording;

import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident's recording exports: asked by the desk or the commune's head (their commune's cameras
 * only), followed on the incident page until each MP4 has arrived.
 */
@RestController
class RecordingExportController {

    record ExportRequest(@NotEmpty @Size(max = 8) List<@NotNull String> cameraIds, @NotNull Instant from, @NotNull Instant to) {
    }

    private final RecordingExports exports;

    RecordingExportController(RecordingExports exports) {
        this.exports = exports;
    }

    @PostMapping("/api/incidents/{id}/recordings")
    @ResponseStatus(HttpStatus.ACCEPTED)
    List<RecordingExports.ExportView> export(@AuthenticationPrincipal AppUser user, @PathVariable UUID id,
                                             @Valid @RequestBody ExportRequest request, HttpServletRequest http) {
        return exports.export(user, id, request.cameraIds(), request.from(), request.to(), http.getRemoteAddr());
    }

    @GetMapping("/api/incidents/{id}/recordings")
    List<RecordingExports.ExportView> list(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
        return exports.list(user, id);
    }
}
