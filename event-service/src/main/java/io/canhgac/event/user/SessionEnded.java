package io.canhgac.event.user;

/** A session ended (logout, or a person's other sessions after a password change), heard on every node. */
public record SessionEnded(String sessionId) {
}
