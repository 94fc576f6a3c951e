-- Bench data: :faqs published FAQ (default 10,000) and :guides published guides (default 1,000), made
-- from the demo FAQ and guides (same texts and languages, a number added to titles and slugs), so that
-- list pages and single pages are measured at that volume with texts of real length.
-- They are not added to the search index: bench/data/search-documents.sql fills that.
-- psql -v ON_ERROR_STOP=1 -v faqs=10000 -v guides=1000 -f content.sql
\set ON_ERROR_STOP on
\if :{?faqs}
\else
\set faqs 10000
\endif
\if :{?guides}
\else
\set guides 1000
\endif
CREATE TEMP TABLE faq_model AS
SELECT row_number() OVER (ORDER BY f.id) AS n, count(*) OVER () AS total, f.id, f.topic
FROM faq f WHERE f.status = 'PUBLISHED' AND f.slug NOT LIKE 'bench-%';
INSERT INTO faq (slug, topic, status, created_by, published_at)
SELECT 'bench-faq-' || i, m.topic, 'PUBLISHED', 'bench', now() - make_interval(hours => i)
FROM generate_series(1, :faqs) AS i JOIN faq_model m ON m.n = 1 + i % m.total;
INSERT INTO faq_text (faq_id, language, question, answer, updated_by)
SELECT f.id, t.language, t.question || ' (' || substr(f.slug, 11) || ')', t.answer, 'bench'
FROM faq f JOIN faq_model m ON m.n = 1 + substr(f.slug, 11)::int % m.total
JOIN faq_text t ON t.faq_id = m.id
WHERE f.slug LIKE 'bench-faq-%';

CREATE TEMP TABLE guide_model AS
SELECT row_number() OVER (ORDER BY g.id) AS n, count(*) OVER () AS total, g.id, g.topic, g.situations
FROM guide g WHERE g.slug NOT LIKE 'bench-%'
  AND EXISTS (SELECT 1 FROM guide_translation t WHERE t.guide_id = g.id AND t.state = 'PUBLISHED');
INSERT INTO guide (slug, topic, situations, review_by, last_reviewed, created_by)
SELECT 'bench-guida-' || i, m.topic, m.situations, current_date + 300, current_date - 60, 'bench'
FROM generate_series(1, :guides) AS i JOIN guide_model m ON m.n = 1 + i % m.total;
INSERT INTO guide_version (guide_id, language, number, title, summary, body, sources, author, note)
SELECT g.id, v.language, 1, left(v.title, 180) || ' (' || substr(g.slug, 13) || ')', v.summary, v.body, v.sources, 'bench', ''
FROM guide g JOIN guide_model m ON m.n = 1 + substr(g.slug, 13)::int % m.total
JOIN guide_translation t ON t.guide_id = m.id AND t.state = 'PUBLISHED'
JOIN guide_version v ON v.id = t.published_version_id
WHERE g.slug LIKE 'bench-guida-%';
INSERT INTO guide_translation (guide_id, language, state, working_version_id, published_version_id, submitted_by,
                               approved_by, published_at)
SELECT v.guide_id, v.language, 'PUBLISHED', v.id, v.id, 'bench', 'bench', now()
FROM guide_version v JOIN guide g ON g.id = v.guide_id WHERE g.slug LIKE 'bench-guida-%';
UPDATE content_version SET version = version + 1, updated_at = now() WHERE id = 1;
ANALYZE faq; ANALYZE faq_text; ANALYZE guide; ANALYZE guide_version; ANALYZE guide_translation;
SELECT (SELECT count(*) FROM faq WHERE status = 'PUBLISHED') AS faqs,
       (SELECT count(*) FROM guide) AS guides, (SELECT count(*) FROM guide_translation) AS guide_translations;
