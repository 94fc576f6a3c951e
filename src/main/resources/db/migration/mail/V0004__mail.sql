-- The mail outbox: every outgoing message is a row written in the same transaction as the change that
-- caused it, then delivered by a poller. Its Message-ID is fixed here, so a retry is the same message.
CREATE TABLE mail_outbox (
    id               uuid        PRIMARY KEY,
    message_id       text        NOT NULL UNIQUE,
    recipient        text        NOT NULL CHECK (length(recipient) <= 254),
    language         text        NOT NULL,
    subject          text        NOT NULL,
    text_body        text        NOT NULL,
    html_body        text        NOT NULL,
    in_reply_to      text,
    related_type     text,
    related_id       text,
    status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_related ON mail_outbox (related_type, related_id);
CREATE INDEX mail_outbox_created ON mail_outbox (created_at DESC);
