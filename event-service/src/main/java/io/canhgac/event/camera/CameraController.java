package io.canhgac.event.camera;

import io.canhgac.event.user.AppUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class CameraController {

    private final CameraRepository cameras;

    CameraController(CameraRepository cameras) {
        this.cameras = cameras;
    }

    @GetMapping("/api/cameras")
    List<CameraView> list(@AuthenticationPrincipal AppUser user) {
        return cameras.find(user.scope());
    }

    /** Another commune's camera does not exist for a commune head. */
    @GetMapping("/api/cameras/{id}")
    ResponseEntity<CameraView> one(@PathVariable String id, @AuthenticationPrincipal AppUser user) {
        return ResponseEntity.of(cameras.find(user.scope(), id));
    }
}
