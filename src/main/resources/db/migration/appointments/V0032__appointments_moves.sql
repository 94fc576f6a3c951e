-- How many times a booking was moved to another time: its calendar entry keeps its UID and takes this as
-- its SEQUENCE, so the resident's calendar replaces the old time instead of showing both.
ALTER TABLE appointment ADD COLUMN moves int NOT NULL DEFAULT 0 CHECK (moves >= 0);
