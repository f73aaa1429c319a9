-- Which communes each incident concerns (those of its alerts' cameras), kept by a trigger as alerts
-- are linked. A commune head's incident log reads its page from this index instead of walking the
-- whole log: with 10 M events a commune without incidents took 154 ms (p95) that way.
CREATE TABLE incident_commune (
    incident_id uuid NOT NULL REFERENCES incident (id),
    commune_id  text NOT NULL REFERENCES commune (id),
    opened_at   timestamptz NOT NULL,
    PRIMARY KEY (incident_id, commune_id)
);

CREATE INDEX incident_commune_page_idx ON incident_commune (commune_id, opened_at DESC, incident_id);

INSERT INTO incident_commune (incident_id, commune_id, opened_at)
SELECT DISTINCT ia.incident_id, c.commune_id, i.opened_at
FROM incident_alert ia JOIN alert a ON a.id = ia.alert_id JOIN camera c ON c.id = a.camera_id
    JOIN incident i ON i.id = ia.incident_id;

CREATE FUNCTION incident_commune_on_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO incident_commune (incident_id, commune_id, opened_at)
    SELECT NEW.incident_id, c.commune_id, i.opened_at
    FROM alert a JOIN camera c ON c.id = a.camera_id JOIN incident i ON i.id = NEW.incident_id
    WHERE a.id = NEW.alert_id
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER incident_commune_link AFTER INSERT ON incident_alert
    FOR EACH ROW EXECUTE FUNCTION incident_commune_on_link();
