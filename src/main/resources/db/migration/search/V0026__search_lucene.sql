-- Queries now go to a Lucene index on each node (analyzers per language, see LanguageAnalysis); this
-- table stays the one source of truth that modules write in their own transaction. Each node follows it
-- through the transaction that last wrote each row (change) and the ids of deleted rows (search_removal):
-- see IndexFollower. Triggers keep both, so that no writer (a module, the bench, a hand-made fix) can
-- change a row without the nodes noticing. The text-search vectors and the word list are no longer used.
DROP INDEX search_document_head;
DROP INDEX search_document_folded;
DROP INDEX search_body_tsv;
ALTER TABLE search_document DROP COLUMN head, DROP COLUMN folded;
ALTER TABLE search_body DROP COLUMN tsv;
DROP TABLE search_word;

ALTER TABLE search_document ADD COLUMN change xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX search_document_change ON search_document (change);

CREATE TABLE search_removal (
    document_id bigint      NOT NULL,
    change      xid8        NOT NULL DEFAULT pg_current_xact_id(),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_removal_change ON search_removal (change);

CREATE FUNCTION search_document_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER search_document_written BEFORE INSERT OR UPDATE ON search_document
    FOR EACH ROW EXECUTE FUNCTION search_document_written();

CREATE FUNCTION search_document_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_removal (document_id) VALUES (OLD.id);
    RETURN OLD;
END
$$;
CREATE TRIGGER search_document_deleted AFTER DELETE ON search_document
    FOR EACH ROW EXECUTE FUNCTION search_document_deleted();

-- a body written without its document (the application always writes both) still marks it changed
CREATE FUNCTION search_body_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_document SET change = pg_current_xact_id()
    WHERE id = NEW.document_id AND change <> pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER search_body_written AFTER INSERT OR UPDATE ON search_body
    FOR EACH ROW EXECUTE FUNCTION search_body_written();

-- The words residents use for the same thing, per language, as editors write them: one group per line,
-- the words or phrases of a group separated by commas. Applied to queries only, so an edit needs no
-- reindexing.
CREATE TABLE search_synonyms (
    language   text        PRIMARY KEY,
    groups     text        NOT NULL DEFAULT '',
    updated_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
