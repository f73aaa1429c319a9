-- Incidents: a case opened from one or more alerts, worked through a status workflow with an
-- assignee, notes and a timeline. An incident's communes are those of its alerts' cameras
-- (derived in the queries, never stored twice), so a commune head sees an incident when one of
-- its alerts is in their commune.

CREATE TABLE incident (
    id         uuid PRIMARY KEY,
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    status     text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED')),
    assignee   text REFERENCES app_user (username),
    opened_by  text NOT NULL,
    opened_at  timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The incident log: newest first, overall or in one status.
CREATE INDEX incident_opened_idx ON incident (opened_at DESC, id);
CREATE INDEX incident_status_opened_idx ON incident (status, opened_at DESC);

-- An alert is worked in one incident at most (the unique alert_id).
CREATE TABLE incident_alert (
    incident_id uuid NOT NULL REFERENCES incident (id),
    alert_id    uuid NOT NULL UNIQUE REFERENCES alert (id),
    linked_by   text NOT NULL,
    linked_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, alert_id)
);

-- What people did to the incident, in order: opened, status, assignee, notes, alerts linked.
CREATE TABLE incident_entry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id uuid NOT NULL REFERENCES incident (id),
    at          timestamptz NOT NULL DEFAULT now(),
    username    text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('OPENED', 'STATUS_CHANGED', 'ASSIGNED', 'NOTE', 'ALERT_LINKED')),
    detail      text CHECK (length(detail) <= 2000),
    alert_id    uuid REFERENCES alert (id)
);

CREATE INDEX incident_entry_incident_idx ON incident_entry (incident_id, at, id);

-- Reports carry a camera's status across midnight: the last health event before the day, per
-- camera. Health events are few among many motion events, so a partial index finds it at once.
CREATE INDEX camera_event_health_idx ON camera_event (camera_id, occurred_at DESC)
    WHERE type IN ('CAMERA_ONLINE', 'CAMERA_OFFLINE');
