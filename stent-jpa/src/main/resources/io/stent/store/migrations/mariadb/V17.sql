-- name: retention_runs
-- Stent schema version 17 (MariaDB, MySQL): what each run of the retention job deleted (see the
-- PostgreSQL script).
CREATE TABLE IF NOT EXISTS stent_retention_run (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    instance       VARCHAR(200) NOT NULL,
    job_execution  BIGINT,
    status         VARCHAR(16)  NOT NULL,
    executions     BIGINT       NOT NULL DEFAULT 0,
    dead_letters   BIGINT       NOT NULL DEFAULT 0,
    audit_rows     BIGINT       NOT NULL DEFAULT 0,
    cache_entries  BIGINT       NOT NULL DEFAULT 0,
    batches        BIGINT       NOT NULL DEFAULT 0,
    error          VARCHAR(2000),
    started_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    finished_at    DATETIME(6),
    KEY stent_retention_run_started_ix (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
