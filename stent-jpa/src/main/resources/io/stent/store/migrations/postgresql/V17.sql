-- name: retention_runs
-- Stent schema version 17 (PostgreSQL): what each run of the retention job deleted, for the console
-- and the operations API. A run writes its row when it starts, its counts as it goes (at most about
-- once a second) and its end; a run whose server died stays RUNNING until the next run starts and
-- marks it INTERRUPTED. Rows are deleted with the audit rows, by the audit retention age.
CREATE TABLE stent_retention_run (
    id             VARCHAR(36)  COLLATE "C" PRIMARY KEY,
    instance       VARCHAR(200) COLLATE "C" NOT NULL,
    job_execution  BIGINT,
    status         VARCHAR(16)  COLLATE "C" NOT NULL,
    executions     BIGINT       NOT NULL DEFAULT 0,
    dead_letters   BIGINT       NOT NULL DEFAULT 0,
    audit_rows     BIGINT       NOT NULL DEFAULT 0,
    cache_entries  BIGINT       NOT NULL DEFAULT 0,
    batches        BIGINT       NOT NULL DEFAULT 0,
    error          VARCHAR(2000) COLLATE "C",
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX stent_retention_run_started_ix ON stent_retention_run (started_at);
