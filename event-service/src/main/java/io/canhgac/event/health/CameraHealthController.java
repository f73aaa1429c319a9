package io.canhgac.event.health;

import io.canhgac.event.camera.CameraRepository;
import io.canhgac.event.user.AppUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;

/**
 * The camera page's two reads. A camera the reader's scope does not allow, like one that does not
 * exist, is a 404. Who may call them is in SecurityConfiguration (the desk's people and technicians).
 */
@RestController
class CameraHealthController {

    static final int MAX_DAYS = 31;

    private final CameraRepository cameras;
    private final HealthRepository health;
    private final StreamStatsBoard board;

    CameraHealthController(CameraRepository cameras, HealthRepository health, StreamStatsBoard board) {
        this.cameras = cameras;
        this.health = health;
        this.board = board;
    }

    /** Status changes and uptime over the last {@code days} days, up to now. */
    @GetMapping("/api/cameras/{id}/health")
    ResponseEntity<CameraHealth> health(@PathVariable String id, @RequestParam(defaultValue = "7") int days,
                                        @AuthenticationPrincipal AppUser user) {
        if (days < 1 || days > MAX_DAYS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days must be 1 to " + MAX_DAYS + ", got " + days);
        }
        if (cameras.find(user.scope(), id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(days));
        return ResponseEntity.ok(health.health(id, from, to, days));
    }

    /** The latest figures a gateway reported for the camera, marked stale when they are old. */
    @GetMapping("/api/cameras/{id}/stream-stats")
    ResponseEntity<StreamStatsView> streamStats(@PathVariable String id, @AuthenticationPrincipal AppUser user) {
        if (cameras.find(user.scope(), id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(board.view(id, Instant.now()));
    }
}
