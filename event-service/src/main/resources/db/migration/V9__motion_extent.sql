-- Motion events carry their extent (issue 5): a motion end says when the event started, and
-- motion events say where in the picture things moved (normalised boxes, JSON array of
-- {x, y, width, height}). Both nullable: older gateways send neither.
ALTER TABLE camera_event
    ADD COLUMN started_at timestamptz,
    ADD COLUMN boxes      jsonb;

ALTER TABLE camera_event
    ADD CONSTRAINT camera_event_started_before_end CHECK (started_at IS NULL OR started_at <= occurred_at);
