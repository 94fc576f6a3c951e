-- Staff accounts, their invitations and the audit log.
CREATE TABLE staff_user (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
    display_name    text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    email           text        NOT NULL CHECK (length(email) <= 254),
    password_hash   text,                      -- null until the invitation is accepted
    roles           text[]      NOT NULL DEFAULT '{}',
    languages       text[]      NOT NULL DEFAULT '{it}',
    enabled         boolean     NOT NULL DEFAULT true,
    totp_secret     text,                      -- set when the second factor is enrolled
    totp_last_step  bigint      NOT NULL DEFAULT 0,  -- refuses a code used once already
    failed_logins   integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_user_email ON staff_user (lower(email));

-- An invitation carries only the SHA-256 of its link's token: a copy of the database opens no account.
CREATE TABLE staff_invitation (
    token_hash   bytea       PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    record_type text        NOT NULL,
    record_id   text        NOT NULL,
    details     text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor, at DESC);
CREATE INDEX audit_log_record ON audit_log (record_type, record_id, at DESC);
