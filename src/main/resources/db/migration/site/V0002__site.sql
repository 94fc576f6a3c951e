-- Editable content pages of the site (privacy notice, accessibility statement, legal notes), one row per
-- page and language. A page with no row shows the text shipped with the application.
CREATE TABLE site_page (
    slug          text        NOT NULL,
    language      text        NOT NULL,
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body_markdown text        NOT NULL CHECK (length(body_markdown) <= 100000),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text        NOT NULL,
    PRIMARY KEY (slug, language)
);
