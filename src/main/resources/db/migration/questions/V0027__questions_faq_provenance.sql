-- Where an FAQ translation came from: prepared without review (the demo's, an import's) until someone of
-- the office saves it. Residents see a notice on an unreviewed text, with a link to the Italian.
ALTER TABLE faq_text ADD COLUMN unreviewed boolean NOT NULL DEFAULT false;
