package io.canhgac.event.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in (the page shows the name and hides what the role cannot use), and their own password. */
@RestController
class MeController {

    private final AccountService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    record Me(String username, String displayName, Role role, String communeId, String districtId, boolean mustChangePassword) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal AppUser user) {
        return new Me(user.getUsername(), user.displayName(), user.role(), user.communeId(), user.districtId(),
                user.mustChangePassword());
    }

    /** Also the way out of "must change password": the session then carries the user without that mark. */
    @PostMapping("/api/me/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange body, @AuthenticationPrincipal AppUser user,
                                        HttpServletRequest http, HttpServletResponse response) {
        accounts.changeOwnPassword(user.getUsername(), body.currentPassword(), body.newPassword(),
                AccountController.actor(user, http), http.getSession().getId());
        AppUser changed = user.withOwnPassword();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, http, response);
        return ResponseEntity.noContent().build();
    }
}
