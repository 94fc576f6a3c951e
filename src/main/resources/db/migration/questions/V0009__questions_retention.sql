-- Retention: questions closed long ago keep only what statistics need.
ALTER TABLE question ADD COLUMN anonymised_at timestamptz;
CREATE INDEX question_to_anonymise ON question (closed_at) WHERE status = 'CLOSED' AND anonymised_at IS NULL;
CREATE INDEX mail_outbox_recipient ON mail_outbox (lower(recipient));
CREATE INDEX mail_inbound_sender ON mail_inbound (lower(sender));
