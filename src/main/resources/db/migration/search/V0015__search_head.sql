-- Search at scale. Ranking reads, for every document a query matches, its text-search vector: with the
-- bodies in the same rows that meant reading most of a large table for a common word. Now the narrow
-- search_document keeps title, summary and a small vector of those two ("head"), which is what ranks
-- first; bodies and their vectors live in search_body, read for body-only matches (capped) and for the
-- snippets of the few results shown. Every index leads with the language (btree_gin), as every query does.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE search_body (
    document_id bigint      PRIMARY KEY REFERENCES search_document (id) ON DELETE CASCADE,
    language    text        NOT NULL,
    body        text        NOT NULL,
    tsv         tsvector    NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO search_body (document_id, language, body, tsv) SELECT id, language, body, tsv FROM search_document;

ALTER TABLE search_document DROP COLUMN body, DROP COLUMN tsv, ADD COLUMN head tsvector;
UPDATE search_document SET head =
    setweight(to_tsvector(cfg, unaccent(title)), 'A') || setweight(to_tsvector(cfg, unaccent(summary)), 'B')
FROM (SELECT id AS doc, CAST(CASE language WHEN 'it' THEN 'italian' WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french'
        WHEN 'es' THEN 'spanish' WHEN 'ro' THEN 'romanian' WHEN 'ar' THEN 'arabic' ELSE 'simple' END AS regconfig) AS cfg
      FROM search_document) AS configs
WHERE id = doc;
ALTER TABLE search_document ALTER COLUMN head SET NOT NULL;

CREATE INDEX search_document_head ON search_document USING gin (language, head);
CREATE INDEX search_body_tsv ON search_body USING gin (language, tsv);
DROP INDEX search_document_folded;
CREATE INDEX search_document_folded ON search_document USING gin (language, folded gin_trgm_ops);

-- The words of every title and summary, folded, per language: a misspelt query word is replaced by the
-- nearest of these (trigram similarity over a few thousand short words) before searching again, instead
-- of comparing the query with every document.
CREATE TABLE search_word (
    language   text        NOT NULL,
    word       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (language, word)
);
CREATE INDEX search_word_trigrams ON search_word USING gin (language, word gin_trgm_ops);
INSERT INTO search_word (language, word)
SELECT DISTINCT language, w FROM search_document, regexp_split_to_table(folded, '[^[:alnum:]]+') AS w
WHERE length(w) >= 3
ON CONFLICT DO NOTHING;
