-- Extensions the search and the content need: accent folding and trigram similarity.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
