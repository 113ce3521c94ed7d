-- name: limits
-- Stent schema version 5 (H2): lock rows and token buckets for concurrency and rate limits.
CREATE TABLE stent_limit (
    name         VARCHAR(300) PRIMARY KEY,
    tokens       DOUBLE PRECISION NOT NULL,
    refilled_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stent_task_running_function_ix ON stent_task (status, function_name);
CREATE INDEX stent_task_running_queue_ix ON stent_task (status, queue);
