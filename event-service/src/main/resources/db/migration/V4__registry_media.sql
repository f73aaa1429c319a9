-- The camera registry (what onboarding learns from the camera), alerts that clear themselves,
-- and the media (snapshots, clips) kept for events.

-- Registry fields. The password is AES-GCM ciphertext (nonce || ciphertext || tag) under a key
-- from configuration; it never leaves the service except to a gateway.
ALTER TABLE camera
    ADD COLUMN device_service  text,
    ADD COLUMN manufacturer    text,
    ADD COLUMN model           text,
    ADD COLUMN firmware        text,
    ADD COLUMN serial_number   text,
    ADD COLUMN hardware_id     text,
    ADD COLUMN main_profile    text,
    ADD COLUMN main_stream     text,
    ADD COLUMN sub_profile     text,
    ADD COLUMN sub_stream      text,
    ADD COLUMN snapshot_uri    text,
    ADD COLUMN ptz             boolean NOT NULL DEFAULT false,
    ADD COLUMN username        text,
    ADD COLUMN password_secret bytea,
    ADD COLUMN onboarded_at    timestamptz;

-- A camera-offline alert is CLEARED when the same camera is seen online again.
ALTER TABLE alert DROP CONSTRAINT alert_state_check;
ALTER TABLE alert ADD CONSTRAINT alert_state_check
    CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'FALSE_POSITIVE', 'CLEARED'));

-- Files under the media root (canhgac.media.dir); path is relative to it.
CREATE TABLE event_media (
    id           uuid PRIMARY KEY,
    event_id     uuid NOT NULL REFERENCES camera_event (id),
    camera_id    text NOT NULL REFERENCES camera (id),
    kind         text NOT NULL CHECK (kind IN ('SNAPSHOT', 'CLIP')),
    path         text NOT NULL UNIQUE,
    content_type text NOT NULL,
    size_bytes   bigint NOT NULL CHECK (size_bytes >= 0),
    sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    captured_at  timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX event_media_event_idx ON event_media (event_id);
CREATE INDEX event_media_camera_idx ON event_media (camera_id, captured_at DESC);
