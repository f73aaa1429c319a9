-- Who may sign in, what they may do, which commune they may see; and the audit trail.

-- commune_id is the one commune a commune head sees; district-wide roles (admin, operator,
-- technician) have none and see every commune. The check keeps "exactly their own" true in the data.
CREATE TABLE app_user (
    username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash text NOT NULL,
    display_name  text NOT NULL,
    role          text NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'TECHNICIAN', 'COMMUNE_HEAD')),
    commune_id    text REFERENCES commune (id),
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((role = 'COMMUNE_HEAD') = (commune_id IS NOT NULL))
);

-- Not a foreign key to app_user: failed logins name users that do not exist, and the trail must
-- outlive a deleted account.
CREATE TABLE audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    username       text,
    action         text NOT NULL,
    target         text,
    detail         text,
    remote_address text
);

-- GET /api/audit: newest first, overall, per user and per action (e.g. every failed login).
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_user_at_idx ON audit_log (username, at DESC);
CREATE INDEX audit_log_action_at_idx ON audit_log (action, at DESC);
