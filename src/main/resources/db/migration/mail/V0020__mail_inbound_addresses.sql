-- Every address a received message names, in headers or in decoded text parts (lower case): privacy
-- requests find messages whose raw bytes hide the address in base64 or quoted-printable.
-- Messages stored before this have none; they are still found by their raw bytes.
ALTER TABLE mail_inbound ADD COLUMN addresses text[] NOT NULL DEFAULT '{}';
CREATE INDEX mail_inbound_addresses ON mail_inbound USING gin (addresses);
