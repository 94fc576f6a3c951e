-- Bench data: :count search documents (default 100,000) in the languages of the published guides and
-- FAQ. Each document is written with words drawn at random from that language's guides (titles from
-- title words, bodies from body words), so that a query matches a realistic share of documents rather
-- than every copy of the same text. Deterministic: setseed.
-- psql -v ON_ERROR_STOP=1 -v count=100000 -f search-documents.sql
\set ON_ERROR_STOP on
\if :{?count}
\else
\set count 100000
\endif
SELECT setseed(0.42);
CREATE TEMP TABLE vocabulary AS
SELECT language, topic,
       array_agg(DISTINCT w) FILTER (WHERE part = 'title') AS title_words,
       array_agg(DISTINCT w) FILTER (WHERE part = 'body') AS body_words
FROM (SELECT d.language, d.topic, 'title' AS part, lower(w) AS w
      FROM search_document d, regexp_split_to_table(d.title || ' ' || d.summary, '[^[:alnum:]]+') AS w
      WHERE d.ref NOT LIKE 'bench-%' AND length(w) > 2
      UNION ALL
      SELECT d.language, d.topic, 'body', lower(w)
      FROM search_document d JOIN search_body b ON b.document_id = d.id, regexp_split_to_table(b.body, '[^[:alnum:]]+') AS w
      WHERE d.ref NOT LIKE 'bench-%' AND length(w) > 2) AS words
GROUP BY language, topic;
CREATE TEMP TABLE plan AS
SELECT g AS i, v.language, v.topic, v.title_words, v.body_words
FROM generate_series(1, :count) AS g
JOIN (SELECT row_number() OVER (ORDER BY language, topic) AS n, count(*) OVER () AS total, * FROM vocabulary) v
  ON v.n = 1 + (g % v.total);
CREATE TEMP TABLE written AS
SELECT i, language, topic,
       -- the "+ 0 * k" ties each aggregate to its own subquery, so each row draws its own words
       (SELECT string_agg(title_words[1 + floor(random() * cardinality(title_words))::int + 0 * k], ' ')
        FROM generate_series(1, 5 + i % 3) AS k) AS title,
       (SELECT string_agg(title_words[1 + floor(random() * cardinality(title_words))::int + 0 * k], ' ')
        FROM generate_series(1, 20 + 0 * i) AS k) AS summary,
       (SELECT string_agg(body_words[1 + floor(random() * cardinality(body_words))::int + 0 * k], ' ')
        FROM generate_series(1, 60 + i % 120) AS k) AS body
FROM plan;
-- written as the application writes them, documents and bodies in one transaction: each node's Lucene
-- index follows the table (IndexFollower) and analyses the text itself. (Written in two, the bodies'
-- trigger marked every document changed a second time, and the node indexed all of them again while the
-- bench measured pages: 199 s of indexing, and 503s from a starved pool.)
BEGIN;
INSERT INTO search_document (kind, ref, language, title, summary, url, topic, published_at)
SELECT CASE WHEN i % 3 = 0 THEN 'faq' ELSE 'guide' END, 'bench-' || i, language, title, summary,
       '/guide/bench-' || i, topic, now() - make_interval(days => i % 1000)
FROM written
ON CONFLICT (kind, ref, language) DO NOTHING;
INSERT INTO search_body (document_id, language, body)
SELECT d.id, x.language, x.body
FROM written x JOIN search_document d ON d.ref = 'bench-' || x.i AND d.language = x.language
ON CONFLICT (document_id) DO NOTHING;
COMMIT;
ANALYZE search_document;
ANALYZE search_body;
SELECT language, count(*) AS documents FROM search_document GROUP BY language ORDER BY 2 DESC;
