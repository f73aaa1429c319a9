-- Gateways, each with its own token, and which gateway delivered each event.

-- Only the SHA-256 of a token is kept: tokens are 32 random bytes, so a plain hash cannot be
-- reversed by guessing, and a lookup by hash is one index probe per request. A gateway is never
-- deleted, only disabled (revoked), so the events it delivered keep naming it.
CREATE TABLE gateway (
    id           uuid PRIMARY KEY,
    name         text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    enabled      boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text,
    revoked_at   timestamptz,
    revoked_by   text,
    last_seen_at timestamptz,
    CHECK (enabled = (revoked_at IS NULL))
);

-- Not a foreign key: gateways are never deleted, and a key check per ingested row is not free.
-- Null for events stored before gateways had names.
ALTER TABLE camera_event ADD COLUMN gateway_id uuid;

-- The incident log's page filtered by type (EventRepository.find): with 10 M events a rare type
-- (tamper, offline) in one commune or camera took 1.4 to 1.6 s with the V1 indexes alone, a few ms
-- with this one. Chosen by measurement: BENCHMARKS.md, incident-log.
CREATE INDEX camera_event_camera_type_occurred_idx ON camera_event (camera_id, type, occurred_at DESC);
