-- One node fetches a mailbox at a time: it claims the mailbox until fetching_until, renewing the claim
-- with every message it stores, instead of holding a transaction (and an advisory lock) open across the
-- whole IMAP conversation.
ALTER TABLE mail_inbox_state ADD COLUMN fetching_until timestamptz;
