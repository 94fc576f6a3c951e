-- Received mail leaves the desk mailbox too: a processed message is moved to the processed folder, and
-- a message whose row is erased or expires is expunged from the server. Until then (and for good, by
-- hash) its tombstone keeps it from coming back as new mail after a UIDVALIDITY change.
ALTER TABLE mail_inbound ADD COLUMN uid_validity bigint;
ALTER TABLE mail_inbound ADD COLUMN moved_at timestamptz;
CREATE INDEX mail_inbound_to_move ON mail_inbound (mailbox) WHERE moved_at IS NULL AND status IN ('PROCESSED', 'IGNORED');

CREATE TABLE mail_inbound_forgotten (
    key_hash     text        PRIMARY KEY,        -- sha256 of the message key, kept
    mailbox      text        NOT NULL,
    message_key  text,                           -- cleared once the message is off the server
    uid          bigint,
    uid_validity bigint,
    forgotten_at timestamptz NOT NULL DEFAULT now(),
    expunged_at  timestamptz
);
CREATE INDEX mail_inbound_forgotten_pending ON mail_inbound_forgotten (mailbox) WHERE expunged_at IS NULL;
