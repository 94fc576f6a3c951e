-- Whether the browser solved the proof-of-work challenge (false: no JavaScript, an API client or e-mail).
ALTER TABLE question ADD COLUMN proof_of_work boolean NOT NULL DEFAULT false;
