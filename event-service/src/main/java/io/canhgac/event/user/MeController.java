package io.canhgac.event.user;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in: the page shows the name and hides what the role cannot use. */
@RestController
class MeController {

    record Me(String username, String displayName, Role role, String communeId) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal AppUser user) {
        return new Me(user.getUsername(), user.displayName(), user.role(), user.communeId());
    }
}
