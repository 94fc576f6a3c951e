-- Mail received in the desk mailbox. The IMAP poller keeps a high-water mark of UIDs per mailbox and
-- stores each message here once (by Message-ID); handlers then process each row exactly once.
CREATE TABLE mail_inbox_state (
    mailbox      text        PRIMARY KEY,
    uid_validity bigint      NOT NULL,
    last_uid     bigint      NOT NULL DEFAULT 0,
    polled_at    timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mail_inbound (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_key  text        NOT NULL UNIQUE,     -- the Message-ID, or a hash of the message without one
    mailbox      text        NOT NULL,
    uid          bigint      NOT NULL,
    sender       text,
    subject      text,
    raw          bytea       NOT NULL,
    status       text        NOT NULL DEFAULT 'NEW'
                             CHECK (status IN ('NEW', 'PROCESSED', 'IGNORED', 'QUARANTINED')),
    outcome      text,                            -- what processing did, or why it failed
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_inbound_pending ON mail_inbound (id) WHERE status = 'NEW';
CREATE INDEX mail_inbound_quarantine ON mail_inbound (received_at DESC) WHERE status = 'QUARANTINED';
