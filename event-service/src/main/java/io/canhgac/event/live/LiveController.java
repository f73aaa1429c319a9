package io.canhgac.event.live;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A ticket to watch one camera stream, for a camera the caller may see. Every start of live view is
 * in the audit log: who watched which camera, when.
 */
@RestController
class LiveController {

    private final LiveTickets tickets;
    private final LiveProperties properties;
    private final LiveAddress address;
    private final CameraRepository cameras;
    private final AuditLog audit;

    LiveController(LiveTickets tickets, LiveProperties properties, LiveAddress address, CameraRepository cameras, AuditLog audit) {
        this.tickets = tickets;
        this.properties = properties;
        this.address = address;
        this.cameras = cameras;
        this.audit = audit;
    }

    record TicketRequest(@NotBlank String cameraId, @NotBlank @Pattern(regexp = "sub|main") String stream) {
    }

    /**
     * @param url         the WebSocket to open, ticket included
     * @param snapshotUrl a JPEG of the same stream, for weak links
     */
    record Ticket(String cameraId, String stream, String url, String snapshotUrl, long validSeconds) {
    }

    @PostMapping("/api/live/tickets")
    ResponseEntity<Ticket> ticket(@Valid @RequestBody TicketRequest request, @AuthenticationPrincipal AppUser user,
                                  HttpServletRequest http) {
        if (cameras.find(user.scope(), request.cameraId()).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String ticket = URLEncoder.encode(tickets.issue(request.cameraId(), request.stream(), user.getUsername()),
                StandardCharsets.UTF_8);
        URI base = address.base(http);
        String path = "/" + URLEncoder.encode(request.cameraId(), StandardCharsets.UTF_8) + "/" + request.stream()
                + "?ticket=" + ticket;
        String httpBase = base.toString().replaceFirst("^ws", "http");
        audit.record(user.getUsername(), AuditAction.LIVE_VIEW_STARTED, request.cameraId(), request.stream(),
                http.getRemoteAddr());
        return ResponseEntity.ok(new Ticket(request.cameraId(), request.stream(), base + "/live" + path,
                httpBase + "/snapshot" + path, properties.validity().toSeconds()));
    }
}
