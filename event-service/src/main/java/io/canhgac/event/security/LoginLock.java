package io.canhgac.event.security;

import java.time.Instant;

/**
 * A name or an address that may not sign in until {@code lockedUntil}, as admins see it.
 *
 * @param key the typed account name (lower-case) or the address
 */
record LoginLock(Kind kind, String key, int failures, Instant lockedUntil) {

    enum Kind { ACCOUNT, ADDRESS }
}
