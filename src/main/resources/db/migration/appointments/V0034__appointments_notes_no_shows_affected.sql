-- The office's note on an appointment (what the person needs, what was agreed), and the number of missed
-- appointments (no-shows, in the last twelve months) after which a service takes no new online booking
-- from the same address: NULL is no limit. The office can still book for the person.
ALTER TABLE appointment ADD COLUMN notes text CHECK (length(notes) <= 2000);
ALTER TABLE appointment_service ADD COLUMN max_no_shows int CHECK (max_no_shows >= 1);
-- When the resident was told that a change of the office's hours left their booking outside them (told once).
ALTER TABLE appointment ADD COLUMN affected_at timestamptz;
