-- Alerts about a gateway rather than a camera: GATEWAY_SILENT (its link down and no request for longer
-- than canhgac.gateways.silent-after) and GATEWAY_OUTBOX (its outbox past its alarm, or events dropped).
--
-- The same table, not one of their own: the desk's list, its SSE pushes, acknowledging, notes, the
-- audit trail and the open-alerts metric all work on alert, and would each need a union otherwise.
-- A camera alert keeps its event and camera (every row so far is one, so the check holds on them);
-- a gateway alert has neither, only its gateway. Scoping follows the gateway's communes
-- (gateway_commune): a commune head sees a gateway's alert when that gateway holds their commune.
ALTER TABLE alert ALTER COLUMN event_id DROP NOT NULL;
ALTER TABLE alert ALTER COLUMN camera_id DROP NOT NULL;
ALTER TABLE alert ADD COLUMN gateway_id uuid REFERENCES gateway (id);
-- when the condition began, where that is not the moment it was raised: a silent gateway's last contact
ALTER TABLE alert ADD COLUMN since timestamptz;
ALTER TABLE alert ADD CONSTRAINT alert_subject_check CHECK (
    (event_id IS NOT NULL AND camera_id IS NOT NULL AND gateway_id IS NULL)
    OR (event_id IS NULL AND camera_id IS NULL AND gateway_id IS NOT NULL));

-- One unhandled alert per gateway and kind, whichever centre node raises it.
CREATE UNIQUE INDEX alert_gateway_open_idx ON alert (gateway_id, kind)
    WHERE gateway_id IS NOT NULL AND state IN ('OPEN', 'ACKNOWLEDGED');
CREATE INDEX alert_gateway_idx ON alert (gateway_id) WHERE gateway_id IS NOT NULL;
