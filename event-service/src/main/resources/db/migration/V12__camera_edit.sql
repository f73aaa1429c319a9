-- Technicians edit registered cameras: a free-text location ("ngã ba chợ, cột điện số 4"), a switch
-- to stop pulling a camera without forgetting it, and when it was last edited by hand. An edited
-- camera keeps the technician's name, commune and position when the inventory file is read again.
ALTER TABLE camera
    ADD COLUMN location  text,
    ADD COLUMN enabled   boolean NOT NULL DEFAULT true,
    ADD COLUMN edited_at timestamptz;
