-- Information guides (schede informative). A guide is written in Italian first and translated; each
-- language has its own editorial state, and every saved text is kept as a numbered version.
CREATE TABLE guide (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug          text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
    topic         text        NOT NULL,
    situations    text[]      NOT NULL DEFAULT '{}',
    related       text[]      NOT NULL DEFAULT '{}',   -- slugs of related guides
    review_by     date,                                -- when an editor must check it again
    last_reviewed date,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guide_review_by ON guide (review_by);

-- Every saved text, never changed afterwards: the history that diff and restore work on.
CREATE TABLE guide_version (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guide_id   bigint      NOT NULL REFERENCES guide (id) ON DELETE CASCADE,
    language   text        NOT NULL,
    number     integer     NOT NULL,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary    text        NOT NULL CHECK (length(summary) <= 1000),
    body       text        NOT NULL CHECK (length(body) <= 100000),
    sources    jsonb       NOT NULL DEFAULT '[]',
    author     text        NOT NULL,
    note       text        NOT NULL DEFAULT '',
    -- a translation remembers the Italian version it was made from: it is stale once Italian moves on
    based_on   bigint      REFERENCES guide_version (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (guide_id, language, number)
);

-- The editorial state of one language of a guide: the version being worked on and the one the public sees.
CREATE TABLE guide_translation (
    guide_id             bigint      NOT NULL REFERENCES guide (id) ON DELETE CASCADE,
    language             text        NOT NULL,
    state                text        NOT NULL CHECK (state IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    working_version_id   bigint      NOT NULL REFERENCES guide_version (id),
    published_version_id bigint      REFERENCES guide_version (id),
    submitted_by         text,
    approved_by          text,
    published_at         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (guide_id, language)
);
CREATE INDEX guide_translation_state ON guide_translation (state);

-- "How clear is the information on this page?": anonymous answers for editors, no free text (least data).
CREATE TABLE guide_feedback (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guide_id   bigint      NOT NULL REFERENCES guide (id) ON DELETE CASCADE,
    language   text        NOT NULL,
    rating     smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    reasons    text[]      NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guide_feedback_guide ON guide_feedback (guide_id, created_at);
