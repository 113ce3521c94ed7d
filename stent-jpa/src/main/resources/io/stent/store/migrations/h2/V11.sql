-- name: workers_and_requeues
-- Stent schema version 11 (H2): the workers that are running, and how often a task went back to
-- the queue without spending an attempt because the worker running it died (see the PostgreSQL
-- script for the details).
ALTER TABLE stent_task ADD COLUMN requeues INTEGER DEFAULT 0 NOT NULL;

CREATE TABLE stent_worker (
    id                 VARCHAR(200) PRIMARY KEY,
    host               VARCHAR(255) NOT NULL,
    pid                BIGINT       NOT NULL,
    process_started_at TIMESTAMP WITH TIME ZONE,
    lock_key           BIGINT       NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at         TIMESTAMP WITH TIME ZONE,
    functions          VARCHAR(1000000)
);
