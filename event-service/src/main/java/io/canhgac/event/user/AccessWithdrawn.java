package io.canhgac.event.user;

/**
 * A person's access was withdrawn or changed (disabled, new role or commune, password reset): their
 * sessions have ended; whatever streams they hold outside a session (live view) must close too.
 */
public record AccessWithdrawn(String username) {
}
