-- The staff inbox at 100,000 questions: the default view walks an index newest first, and every count
-- of the view tabs is answered by a small index instead of a scan of the table.
CREATE INDEX question_recent ON question (last_message_at DESC, id DESC) WHERE NOT spam;
CREATE INDEX question_status_spam ON question (status, spam);
CREATE INDEX question_open_protection ON question (id) WHERE protection AND status <> 'CLOSED';
