-- Accounts kept by the IT officer: a password an admin set (new account, reset) must be changed by
-- its user at the next login.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;

-- Failed logins per typed account name and per address, and the lock they led to. Kept in the
-- database so that a restart does not hand a guesser a fresh count, and admins see and lift locks.
-- A name that is no account is counted too: locking only real accounts would tell a guesser which exist.
CREATE TABLE login_lock (
    kind         text NOT NULL CHECK (kind IN ('ACCOUNT', 'ADDRESS')),
    key          text NOT NULL,
    failures     integer NOT NULL,
    window_start timestamptz NOT NULL,
    locked_until timestamptz,
    PRIMARY KEY (kind, key)
);
