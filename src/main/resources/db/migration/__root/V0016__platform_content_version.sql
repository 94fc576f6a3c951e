-- One number that every change to public content (guides, FAQ, pages, the search index) raises in the
-- same transaction: nodes keep rendered public pages only while it stays the same.
CREATE TABLE content_version (
    id         integer     PRIMARY KEY CHECK (id = 1),
    version    bigint      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO content_version (id, version) VALUES (1, 1);
