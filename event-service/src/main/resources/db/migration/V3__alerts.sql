-- Alerts: what the alert desk must look at, raised from events by simple rules (AlertRules).

-- One alert per event at most (the unique event_id), so a re-delivered event raises nothing new.
CREATE TABLE alert (
    id         uuid PRIMARY KEY,
    event_id   uuid NOT NULL UNIQUE REFERENCES camera_event (id),
    camera_id  text NOT NULL REFERENCES camera (id),
    kind       text NOT NULL,
    raised_at  timestamptz NOT NULL,
    state      text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'FALSE_POSITIVE')),
    handled_by text,
    handled_at timestamptz
);

-- GET /api/alerts: newest first, overall or in one state (the open ones, mostly); scoping joins camera.
CREATE INDEX alert_raised_idx ON alert (raised_at DESC, id);
CREATE INDEX alert_state_raised_idx ON alert (state, raised_at DESC);
CREATE INDEX alert_camera_idx ON alert (camera_id);

CREATE TABLE alert_note (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id uuid NOT NULL REFERENCES alert (id),
    at       timestamptz NOT NULL DEFAULT now(),
    username text NOT NULL,
    text     text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000)
);

CREATE INDEX alert_note_alert_idx ON alert_note (alert_id, at);
