-- ALTCHA solutions already accepted (by the salt of their challenge), so that a solution is accepted once
-- on every node: with several nodes, a per-node memory let the same solution through once per node.
-- A row is kept until its challenge can no longer be valid (challenges expire after an hour).
CREATE TABLE question_proof_of_work_spent (
    salt        text        PRIMARY KEY,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX question_proof_of_work_spent_expires ON question_proof_of_work_spent (expires_at);
