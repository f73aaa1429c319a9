-- Each camera's motion detection settings (zones, masks, sensitivity, arming schedule), edited by
-- technicians and handed to gateways with the camera; null means the defaults.
ALTER TABLE camera ADD COLUMN motion jsonb;
