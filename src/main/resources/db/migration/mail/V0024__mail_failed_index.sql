-- The staff home counts the messages that failed lately: a small partial index keeps that count cheap.
CREATE INDEX mail_outbox_failed ON mail_outbox (updated_at DESC) WHERE status = 'FAILED';
