-- Aids for answering: canned answers kept by supervisors, and a word index of the residents' messages
-- so an operator sees the most similar questions already answered.
CREATE TABLE canned_answer (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic      text,                                -- null: any topic
    language   text        NOT NULL,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    updated_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX canned_answer_lookup ON canned_answer (language, topic);

ALTER TABLE question_message ADD COLUMN words tsvector;
UPDATE question_message SET words = to_tsvector('simple', unaccent(body)) WHERE kind = 'CITIZEN';
CREATE INDEX question_message_words ON question_message USING gin (words);
CREATE INDEX question_message_body_trgm ON question_message USING gin (body gin_trgm_ops);
