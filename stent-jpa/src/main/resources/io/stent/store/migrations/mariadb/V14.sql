-- name: queues_tags_and_worker_versions
-- Stent schema version 14 (MariaDB, MySQL): an execution records the queue it was started on and
-- the tags its function requires of a worker (stored as ",a,b,", NULL when none), so that
-- operators can find executions by either. Executions that ended before this version keep NULL.
ALTER TABLE stent_execution ADD COLUMN queue VARCHAR(100);
ALTER TABLE stent_execution ADD COLUMN tags VARCHAR(1000);
UPDATE stent_execution e JOIN stent_task t ON t.execution_id = e.id AND t.kind = 'ROOT' SET e.queue = t.queue
    WHERE e.queue IS NULL;
CREATE INDEX stent_execution_queue_ix ON stent_execution (queue, created_at, id);

-- A worker also records the queues it serves ("*" for all), the tags it offers and its Stent
-- version, for the console's workers view.
ALTER TABLE stent_worker ADD COLUMN queues TEXT;
ALTER TABLE stent_worker ADD COLUMN tags TEXT;
ALTER TABLE stent_worker ADD COLUMN stent_version VARCHAR(64);
