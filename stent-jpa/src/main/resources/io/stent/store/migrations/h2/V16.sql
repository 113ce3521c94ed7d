-- name: bulk_replays
-- Stent schema version 16 (H2): bulk replays of dead letters, run as a Jakarta Batch job.
-- A row holds the filter, where the run got to (the failure time and id of the last dead letter it
-- tried, so that a restart goes on from there and never tries one twice) and its progress, which
-- every console reads while it runs; an operator stops it by setting its status to STOPPING.
CREATE TABLE stent_bulk_replay (
    id             VARCHAR(36)  PRIMARY KEY,
    function_name  VARCHAR(200),
    queue          VARCHAR(100),
    error_class    VARCHAR(500),
    execution_id   VARCHAR(36) ,
    failed_from    TIMESTAMP WITH TIME ZONE,
    failed_before  TIMESTAMP WITH TIME ZONE,
    status         VARCHAR(16)  NOT NULL,
    total          BIGINT       NOT NULL,
    replayed       BIGINT       NOT NULL DEFAULT 0,
    skipped        BIGINT       NOT NULL DEFAULT 0,
    cursor_at      TIMESTAMP WITH TIME ZONE,
    cursor_id      VARCHAR(36) ,
    actor          VARCHAR(255) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX stent_bulk_replay_created_ix ON stent_bulk_replay (created_at);
