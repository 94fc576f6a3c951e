-- Frequently asked questions: drafted from answered questions (anonymised), reviewed, translated and
-- published by editors. One row per FAQ, one text per language.
CREATE TABLE faq (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug               text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
    topic              text        NOT NULL,
    status             text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    source_question_id bigint      REFERENCES question (id) ON DELETE SET NULL,
    created_by         text        NOT NULL,
    published_at       timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX faq_published ON faq (status, topic);

CREATE TABLE faq_text (
    faq_id     bigint      NOT NULL REFERENCES faq (id) ON DELETE CASCADE,
    language   text        NOT NULL,
    question   text        NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
    answer     text        NOT NULL CHECK (length(answer) BETWEEN 1 AND 20000),
    updated_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (faq_id, language)
);
