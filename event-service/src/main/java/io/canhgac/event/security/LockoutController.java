package io.canhgac.event.security;

import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Current login locks, and lifting one: admins only (the security configuration says so). */
@RestController
class LockoutController {

    private final LoginThrottle throttle;

    LockoutController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    record Release(@NotNull LoginLock.Kind kind, @NotBlank String key) {
    }

    @GetMapping("/api/lockouts")
    List<LoginLock> current() {
        return throttle.current();
    }

    @PostMapping("/api/lockouts/release")
    ResponseEntity<Void> release(@Valid @RequestBody Release release, @AuthenticationPrincipal AppUser admin,
                                 HttpServletRequest http) {
        return throttle.release(release.kind(), release.key(), admin.getUsername(), http.getRemoteAddr())
                ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
