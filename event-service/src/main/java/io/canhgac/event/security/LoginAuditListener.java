package io.canhgac.event.security;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Every login, failed login and logout goes to the audit trail, with the address it came from. */
@Component
class LoginAuditListener {

    private final AuditLog audit;

    LoginAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void success(AuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.LOGIN_SUCCESS, null, null, address(event.getAuthentication()));
    }

    /** The typed name is kept (capped) even when no such account exists: that is what a guesser looks like. */
    @EventListener
    void failure(AbstractAuthenticationFailureEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.LOGIN_FAILURE, null,
                event.getException().getClass().getSimpleName(), address(event.getAuthentication()));
    }

    @EventListener
    void logout(LogoutSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.LOGOUT, null, null, address(event.getAuthentication()));
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
