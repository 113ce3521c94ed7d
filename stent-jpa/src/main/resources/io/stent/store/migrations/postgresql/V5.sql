-- name: limits
-- Stent schema version 5 (PostgreSQL): lock rows and token buckets for concurrency and rate limits.
CREATE TABLE stent_limit (
    name         VARCHAR(300) PRIMARY KEY,
    tokens       DOUBLE PRECISION NOT NULL,
    refilled_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stent_task_running_function_ix ON stent_task (function_name) WHERE status = 'RUNNING';
CREATE INDEX stent_task_running_queue_ix ON stent_task (queue) WHERE status = 'RUNNING';
