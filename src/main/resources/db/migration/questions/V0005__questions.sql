-- The online question desk: questions, their threads and attachments.
CREATE SEQUENCE question_number;

CREATE TABLE question (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code               text        NOT NULL UNIQUE,           -- Q-2026-000123, told to the resident
    access_token       text        NOT NULL UNIQUE,           -- 128 random bits: the private link
    submission_key     uuid        UNIQUE,                    -- the form's one-time key: a double click makes one question
    email              text        NOT NULL CHECK (length(email) <= 254),
    name               text        CHECK (length(name) <= 120),
    language           text        NOT NULL,
    topic              text        NOT NULL,
    channel            text        NOT NULL CHECK (channel IN ('WEB', 'EMAIL', 'API')),
    status             text        NOT NULL DEFAULT 'NEW'
                                   CHECK (status IN ('NEW', 'OPEN', 'WAITING', 'ANSWERED', 'CLOSED')),
    assigned_to        text,                                  -- a staff user name
    protection         boolean     NOT NULL DEFAULT false,    -- escalated: violence, trafficking, minors
    publish_consent    boolean     NOT NULL DEFAULT false,
    privacy_consent_at timestamptz NOT NULL,
    due_at             timestamptz NOT NULL,
    last_message_at    timestamptz NOT NULL DEFAULT now(),
    rating             smallint    CHECK (rating BETWEEN 1 AND 5),
    rating_comment     text        CHECK (length(rating_comment) <= 2000),
    closed_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX question_by_status ON question (status, last_message_at DESC);
CREATE INDEX question_by_assignee ON question (assigned_to, status, last_message_at DESC);
CREATE INDEX question_by_email ON question (lower(email), created_at DESC);
CREATE INDEX question_overdue ON question (due_at) WHERE status IN ('NEW', 'OPEN');

CREATE TABLE question_message (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id     bigint      NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    kind            text        NOT NULL CHECK (kind IN ('CITIZEN', 'ANSWER', 'NOTE')),
    author          text,                                     -- staff user name for answers and notes
    body            text        NOT NULL CHECK (length(body) <= 20000),
    mail_message_id text,                                     -- ours for answers, theirs for mail received
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX question_message_thread ON question_message (question_id, id);

CREATE TABLE question_attachment (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   bigint      NOT NULL REFERENCES question_message (id) ON DELETE CASCADE,
    file_name    text        NOT NULL CHECK (length(file_name) <= 200),
    content_type text        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   integer     NOT NULL,
    sha256       bytea       NOT NULL,
    content      bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX question_attachment_message ON question_attachment (message_id);

-- Who has a question open right now, to warn a colleague about to answer the same one.
CREATE TABLE question_view (
    question_id bigint      NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    username    text        NOT NULL,
    seen_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (question_id, username)
);
