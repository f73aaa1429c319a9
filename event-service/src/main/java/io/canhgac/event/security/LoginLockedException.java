package io.canhgac.event.security;

import org.springframework.security.authentication.LockedException;

/** Refused before the password is even checked: a valid password does not open a locked name or address. */
class LoginLockedException extends LockedException {

    private final transient LoginLock lock;

    LoginLockedException(LoginLock lock) {
        super(lock.kind() + " locked until " + lock.lockedUntil());
        this.lock = lock;
    }

    LoginLock lock() {
        return lock;
    }
}
