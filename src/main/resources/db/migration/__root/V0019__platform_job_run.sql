-- job_run belongs to the platform (ClusterJobs.once), but was created by the questions module's V0011,
-- which must not change (its checksum is in every installation's history). Here it is declared where it
-- belongs: a no-op where V0011 ran, and what creates it should the questions module's migrations go.
CREATE TABLE IF NOT EXISTS job_run (
    job        text        NOT NULL,
    day        date        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, day)
);
