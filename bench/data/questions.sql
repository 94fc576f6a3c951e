-- Bench data: :count questions (default 100,000) over the last two years with their threads: the
-- resident's message, the answer for answered, waiting and closed ones, an internal note for one in
-- seven. Texts are drawn from the words of the published guides of the question's language; status,
-- topic, channel and assignee are spread as a busy desk would have them; private links are random.
-- Codes use the years 2024-2025, so they never meet the codes the application gives (current year).
-- Deterministic: setseed. psql -v ON_ERROR_STOP=1 -v count=100000 -f questions.sql
\set ON_ERROR_STOP on
\if :{?count}
\else
\set count 100000
\endif
SELECT setseed(0.17);
CREATE TEMP TABLE vocabulary AS
SELECT d.language, array_agg(DISTINCT lower(w)) AS words
FROM search_document d JOIN search_body b ON b.document_id = d.id, regexp_split_to_table(b.body, '[^[:alnum:]]+') AS w
WHERE d.kind = 'guide' AND d.ref NOT LIKE 'bench-%' AND length(w) > 2
GROUP BY d.language;
CREATE TEMP TABLE topics AS
SELECT array_agg(DISTINCT topic) AS names FROM search_document WHERE ref NOT LIKE 'bench-%' AND topic IS NOT NULL;
CREATE TEMP TABLE languages AS
-- half of the questions in Italian, the rest spread over the other languages that have guides
SELECT array_agg(language ORDER BY language) AS codes FROM vocabulary WHERE language <> 'it';

CREATE TEMP TABLE planned AS
SELECT i,
       CASE WHEN i % 2 = 0 THEN 'it' ELSE l.codes[1 + (i / 2) % cardinality(l.codes)] END AS language,
       t.names[1 + i % cardinality(t.names)] AS topic,
       CASE WHEN i % 20 < 2 THEN 'NEW' WHEN i % 20 < 4 THEN 'OPEN' WHEN i % 20 < 5 THEN 'WAITING'
            WHEN i % 20 < 9 THEN 'ANSWERED' ELSE 'CLOSED' END AS status,
       -- the newest question has the highest number; two years between the first and the last
       now() - make_interval(secs => (:count - i) * (2 * 365 * 86400.0 / :count)) AS created
FROM generate_series(1, :count) AS i, topics t, languages l;

CREATE TEMP TABLE written AS
SELECT p.*,
       (SELECT string_agg(v.words[1 + floor(random() * cardinality(v.words))::int + 0 * k], ' ')
        FROM generate_series(1, 20 + p.i % 60) AS k) AS asked,
       (SELECT string_agg(v.words[1 + floor(random() * cardinality(v.words))::int + 0 * k], ' ')
        FROM generate_series(1, 40 + p.i % 80) AS k) AS answered
FROM planned p JOIN vocabulary v ON v.language = p.language;

INSERT INTO question (code, access_token, email, name, language, topic, channel, status, assigned_to, protection,
                      publish_consent, privacy_consent_at, due_at, last_message_at, closed_at, created_at, updated_at)
SELECT 'Q-' || (2024 + i % 2) || '-' || lpad(i::text, 6, '0'),
       translate(encode(decode(md5(i::text || ':' || random()::text), 'hex'), 'base64'), '+/=', '-_'),
       'residente' || i || '@example.org', CASE WHEN i % 3 = 0 THEN NULL ELSE 'Residente ' || i END,
       language, topic, (ARRAY['WEB', 'WEB', 'EMAIL', 'API'])[1 + i % 4], status,
       CASE WHEN status <> 'NEW' THEN (ARRAY['m.rossi', 'g.bianchi', 'a.elidrissi', 'o.kovalenko'])[1 + i % 4] END,
       i % 500 = 0, i % 3 = 0, created, created + interval '7 days',
       CASE WHEN status IN ('NEW', 'OPEN') THEN created ELSE created + make_interval(hours => 4 + i % 90) END,
       CASE WHEN status = 'CLOSED' THEN created + make_interval(hours => 100 + i % 200) END,
       created, created
FROM written;

-- as pg_restore does: fill the table, then build its text indexes (the same as migration V0010) in one go
DROP INDEX question_message_words;
DROP INDEX question_message_body_trgm;
INSERT INTO question_message (question_id, kind, author, body, created_at, updated_at, words)
SELECT q.id, 'CITIZEN', NULL, w.asked, w.created, w.created, to_tsvector('simple', unaccent(w.asked))
FROM written w JOIN question q ON q.code = 'Q-' || (2024 + w.i % 2) || '-' || lpad(w.i::text, 6, '0');

INSERT INTO question_message (question_id, kind, author, body, created_at, updated_at)
SELECT q.id, 'ANSWER', q.assigned_to, w.answered, q.last_message_at, q.last_message_at
FROM written w JOIN question q ON q.code = 'Q-' || (2024 + w.i % 2) || '-' || lpad(w.i::text, 6, '0')
WHERE w.status IN ('WAITING', 'ANSWERED', 'CLOSED');

INSERT INTO question_message (question_id, kind, author, body, created_at, updated_at)
SELECT q.id, 'NOTE', q.assigned_to, 'Nota interna: verificare i documenti allegati e richiamare.', q.created_at, q.created_at
FROM written w JOIN question q ON q.code = 'Q-' || (2024 + w.i % 2) || '-' || lpad(w.i::text, 6, '0')
WHERE w.i % 7 = 0 AND w.status <> 'NEW';

CREATE INDEX question_message_words ON question_message USING gin (words);
CREATE INDEX question_message_body_trgm ON question_message USING gin (body gin_trgm_ops);
ANALYZE question;
ANALYZE question_message;
SELECT count(*) AS questions, (SELECT count(*) FROM question_message) AS messages FROM question;
