-- Files sent with a message (an appointment's calendar entry), kept with it until it is delivered and
-- deleted with it.
CREATE TABLE mail_outbox_attachment (
    outbox_id    uuid        NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    position     int         NOT NULL,
    filename     text        NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL CHECK (octet_length(content) <= 1048576),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (outbox_id, position)
);
