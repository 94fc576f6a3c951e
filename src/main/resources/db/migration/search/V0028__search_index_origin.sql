-- Each node keeps its search index on disk between starts and catches up from where it stopped (see
-- IndexFollower). An index belongs to one database: this row tells a node whether the index in its data
-- directory was built from this one (a new or re-created database has another id) or must be rebuilt.
CREATE TABLE search_origin (
    id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO search_origin DEFAULT VALUES;

-- TRUNCATE fires no row trigger, so no removal is recorded: it gives the database a new origin instead,
-- and every node rebuilds its index from the (emptied) table.
CREATE FUNCTION search_document_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_origin SET id = gen_random_uuid(), created_at = now();
    RETURN NULL;
END
$$;
CREATE TRIGGER search_document_truncated AFTER TRUNCATE ON search_document
    FOR EACH STATEMENT EXECUTE FUNCTION search_document_truncated();
