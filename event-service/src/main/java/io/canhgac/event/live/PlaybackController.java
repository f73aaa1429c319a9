package io.canhgac.event.live;

import io.canhgac.contract.live.PlaybackTickets;
import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A ticket to play back a camera's recording from an instant at a speed, for a camera the caller
 * may see; the live server bridges its WebSocket to a playback session at the commune's gateway.
 * Every playback is in the audit log, as every live view is. A seek or a speed change asks again.
 */
@RestController
class PlaybackController {

    private final LiveTickets tickets;
    private final LiveProperties properties;
    private final LiveAddress address;
    private final CameraRepository cameras;
    private final AuditLog audit;

    PlaybackController(LiveTickets tickets, LiveProperties properties, LiveAddress address, CameraRepository cameras,
                       AuditLog audit) {
        this.tickets = tickets;
        this.properties = properties;
        this.address = address;
        this.cameras = cameras;
        this.audit = audit;
    }

    record TicketRequest(@NotBlank String cameraId, @NotBlank @Pattern(regexp = "sub|main") String stream,
                         @NotNull Instant from, @NotNull @Pattern(regexp = "[1248]") String speed) {
    }

    /** @param url the WebSocket to open, ticket, instant and speed included */
    record Ticket(String cameraId, String stream, Instant from, int speed, String url, long validSeconds) {
    }

    @PostMapping("/api/playback/tickets")
    ResponseEntity<Ticket> ticket(@Valid @RequestBody TicketRequest request, @AuthenticationPrincipal AppUser user,
                                  HttpServletRequest http) {
        if (cameras.find(user.scope(), request.cameraId()).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String ticket = tickets.issue(request.cameraId(), PlaybackTickets.stream(request.stream()), user.getUsername());
        String url = address.base(http) + PlaybackTickets.path(request.cameraId(), request.stream())
                + "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8)
                + "&from=" + request.from() + "&speed=" + request.speed();
        audit.record(user.getUsername(), AuditAction.PLAYBACK_STARTED, request.cameraId(),
                request.stream() + " from " + request.from() + " x" + request.speed(), http.getRemoteAddr());
        return ResponseEntity.ok(new Ticket(request.cameraId(), request.stream(), request.from(),
                Integer.parseInt(request.speed()), url, properties.validity().toSeconds()));
    }
}
