-- One search index for the whole site: every module publishes its public documents here, one row per
-- document and language. The text-search vector is computed when a row is written, with the
-- language's own configuration and accents folded, so queries never recompute it.
CREATE TABLE search_document (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text        NOT NULL,              -- faq, guide, course, service ...
    ref          text        NOT NULL,              -- the document's key within its kind
    language     text        NOT NULL,
    title        text        NOT NULL,
    summary      text        NOT NULL DEFAULT '',
    body         text        NOT NULL DEFAULT '',
    url          text        NOT NULL,
    topic        text,
    published_at timestamptz NOT NULL DEFAULT now(),
    tsv          tsvector    NOT NULL,
    folded       text        NOT NULL,              -- lower(unaccent(title and summary)): for typo tolerance
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, ref, language)
);
CREATE INDEX search_document_tsv ON search_document USING gin (tsv);
CREATE INDEX search_document_folded ON search_document USING gin (folded gin_trgm_ops);
CREATE INDEX search_document_language ON search_document (language, kind);

-- What people searched for and did not find: the list that tells editors what to write next.
CREATE TABLE search_miss (
    language   text        NOT NULL,
    query      text        NOT NULL,
    misses     integer     NOT NULL DEFAULT 1,
    last_at    timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (language, query)
);
