-- The walking skeleton's schema: communes, their cameras, and every event the gateways report.

CREATE TABLE commune (
    id   text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE camera (
    id            text PRIMARY KEY,
    name          text NOT NULL,
    commune_id    text NOT NULL REFERENCES commune (id),
    latitude      double precision,
    longitude     double precision,
    status        text NOT NULL DEFAULT 'UNKNOWN',
    status_reason text,
    status_since  timestamptz
);

CREATE INDEX camera_commune_idx ON camera (commune_id);

-- The id is chosen by the gateway, so a re-delivered event is stored once.
CREATE TABLE camera_event (
    id          uuid PRIMARY KEY,
    camera_id   text NOT NULL REFERENCES camera (id),
    type        text NOT NULL,
    occurred_at timestamptz NOT NULL,
    score       real,
    status      text,
    detail      text,
    received_at timestamptz NOT NULL DEFAULT now()
);

-- "Newest first", overall and per camera: the two queries the UI and the API make.
CREATE INDEX camera_event_occurred_idx ON camera_event (occurred_at DESC);
CREATE INDEX camera_event_camera_occurred_idx ON camera_event (camera_id, occurred_at DESC);
