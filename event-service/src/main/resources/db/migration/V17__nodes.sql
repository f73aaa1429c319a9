-- Several event-service nodes on this one database.

-- What the browsers' streams carry, in commit order (writers hold an advisory lock from taking a seq
-- to their commit). Each node reads it when NOTIFY names a new seq; a browser that reconnects with
-- Last-Event-ID replays it. Kept an hour, replayed ten minutes back (AlertFeed).
CREATE TABLE stream_feed (
    seq  bigserial PRIMARY KEY,
    kind text        NOT NULL CHECK (kind IN ('EVENT', 'ALERT')),
    ref  uuid        NOT NULL,
    at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stream_feed_at ON stream_feed (at);

-- The latest stream figures of each camera, whichever node its gateway reported to.
CREATE TABLE stream_stats (
    camera_id   text PRIMARY KEY REFERENCES camera (id) ON DELETE CASCADE,
    report      jsonb       NOT NULL,
    received_at timestamptz NOT NULL,
    gateway     text
);

-- Spring Session JDBC 3.5's schema for PostgreSQL (schema-postgresql.sql in spring-session-jdbc):
-- a browser's session is found by any node, and ended by any node.
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- CSV camera imports as the page follows them (the last ten), whichever node runs the import.
CREATE TABLE camera_import (
    id         text PRIMARY KEY,
    started_at timestamptz NOT NULL,
    job        jsonb       NOT NULL
);
