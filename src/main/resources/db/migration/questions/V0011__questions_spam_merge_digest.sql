ALTER TABLE question ADD COLUMN spam boolean NOT NULL DEFAULT false;
ALTER TABLE question ADD COLUMN merged_into text;
-- Jobs that must run once a day across every node record their day here.
CREATE TABLE job_run (
    job        text        NOT NULL,
    day        date        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, day)
);
