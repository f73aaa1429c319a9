-- A time range of one camera's recording asked of its commune's gateway for an incident's evidence.
-- The gateway keeps the range past retention (a hold) until the incident is closed and the hold released.
CREATE TABLE recording_export (
    id               uuid PRIMARY KEY,
    incident_id      uuid NOT NULL REFERENCES incident (id),
    camera_id        text NOT NULL REFERENCES camera (id),
    from_at          timestamptz NOT NULL,
    to_at            timestamptz NOT NULL CHECK (to_at > from_at),
    asked_by         text NOT NULL,
    asked_at         timestamptz NOT NULL DEFAULT now(),
    -- the gateway's refusal (problem code and message) when it could not export the range
    failed           text,
    -- set once the gateway confirmed the hold is released (the incident was closed)
    hold_released_at timestamptz
);

CREATE INDEX recording_export_incident_idx ON recording_export (incident_id);
CREATE INDEX recording_export_unreleased_idx ON recording_export (incident_id) WHERE hold_released_at IS NULL;

-- An arrived export is a media file like a clip, but owned by its export rather than a camera event.
ALTER TABLE event_media ALTER COLUMN event_id DROP NOT NULL;
ALTER TABLE event_media ADD COLUMN export_id uuid REFERENCES recording_export (id);
ALTER TABLE event_media DROP CONSTRAINT event_media_kind_check;
ALTER TABLE event_media ADD CONSTRAINT event_media_kind_check CHECK (kind IN ('SNAPSHOT', 'CLIP', 'RECORDING'));
ALTER TABLE event_media ADD CONSTRAINT event_media_owner_check
    CHECK (CASE WHEN kind = 'RECORDING' THEN export_id IS NOT NULL AND event_id IS NULL
                ELSE export_id IS NULL AND event_id IS NOT NULL END);
CREATE INDEX event_media_export_idx ON event_media (export_id) WHERE export_id IS NOT NULL;
