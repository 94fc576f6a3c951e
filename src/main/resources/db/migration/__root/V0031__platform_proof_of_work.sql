-- Spent proof-of-work solutions belong to the platform now that every public form (questions,
-- appointment holds) shares one ProofOfWork: the questions' table moves, with the solutions spent in
-- the last hour, so none can be replayed across the upgrade.
ALTER TABLE question_proof_of_work_spent RENAME TO proof_of_work_spent;
ALTER INDEX question_proof_of_work_spent_pkey RENAME TO proof_of_work_spent_pkey;
ALTER INDEX question_proof_of_work_spent_expires RENAME TO proof_of_work_spent_expires;
