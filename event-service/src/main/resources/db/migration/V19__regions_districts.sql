-- Several districts in one centre: a region holds districts, a district holds communes. Singular
-- table names, as commune and camera.

CREATE TABLE region (
    id   text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE district (
    id        text PRIMARY KEY,
    region_id text NOT NULL REFERENCES region (id),
    name      text NOT NULL
);

CREATE INDEX district_region_idx ON district (region_id);

-- The one district there was until now. The demo inventory is Nông Sơn, Quảng Nam.
INSERT INTO region (id, name) VALUES ('quang-nam', 'Quảng Nam');
INSERT INTO district (id, region_id, name) VALUES ('nong-son', 'quang-nam', 'Nông Sơn');

-- Existing communes go to it; so does a commune written later without a district (the inventory
-- seeder, a site's own inventory) until an admin moves it (PUT /api/districts/communes/{id}).
ALTER TABLE commune ADD COLUMN district_id text NOT NULL DEFAULT 'nong-son' REFERENCES district (id);
CREATE INDEX commune_district_idx ON commune (district_id);

-- An operator may be scoped to one district and then sees its communes only; without one they see
-- the whole region. Admins and technicians always see the whole region, commune heads their commune.
ALTER TABLE app_user ADD COLUMN district_id text REFERENCES district (id);
ALTER TABLE app_user ADD CONSTRAINT app_user_district_scope CHECK (district_id IS NULL OR role = 'OPERATOR');
