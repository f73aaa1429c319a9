-- Which gateway holds each commune: a commune's cameras are pulled, watched and reached (discovery,
-- onboarding, PTZ, live view) only through the gateway that holds it, over that gateway's own link.
-- A commune held by none is served by every gateway that holds no commune: the all-in-one's
-- in-process gateway, or the one gateway of a small district.
CREATE TABLE gateway_commune (
    commune_id text PRIMARY KEY REFERENCES commune (id),
    gateway_id uuid NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    bound_at   timestamptz NOT NULL DEFAULT now(),
    bound_by   text
);

CREATE INDEX gateway_commune_gateway_idx ON gateway_commune (gateway_id);
