package io.canhgac.event.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form login with lockout: a locked name or address is refused first; a wrong password (or an
 * unknown name, which the delegate reports alike) is counted; a good one clears the name's count.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        throttle.lockOf(name, address).ifPresent(lock -> {
            throw new LoginLockedException(lock);
        });
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(name);
            return signedIn;
        } catch (BadCredentialsException e) {
            throttle.failed(name, address);
            // the failure that locks says so at once, rather than at the next try
            throw throttle.lockOf(name, address).<RuntimeException>map(LoginLockedException::new).orElse(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
