-- name: queues_tags_and_worker_versions
-- Stent schema version 14 (MariaDB, MySQL): an execution records the queue it was started on, and
-- stent_execution_tag the tags its function requires of a worker, so that operators find
-- executions by either. Executions that ended before this version keep a NULL queue.
ALTER TABLE stent_execution ADD COLUMN queue VARCHAR(100);
UPDATE stent_execution e JOIN stent_task t ON t.execution_id = e.id AND t.kind = 'ROOT' SET e.queue = t.queue
    WHERE e.queue IS NULL;
CREATE INDEX stent_execution_queue_ix ON stent_execution (queue, created_at, id);

-- One row per tag an execution's function requires, written when it starts (none for untagged
-- functions), found by tag through its index. No foreign key, as for steps and tasks: whatever
-- deletes an execution deletes its tag rows with it.
CREATE TABLE IF NOT EXISTS stent_execution_tag (
    execution_id VARCHAR(36)  NOT NULL,
    tag          VARCHAR(100) NOT NULL,
    PRIMARY KEY (execution_id, tag),
    KEY stent_execution_tag_ix (tag, execution_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A worker also records the queues it serves ("*" for all), the tags it offers and its Stent
-- version, for the console's workers view.
ALTER TABLE stent_worker ADD COLUMN queues TEXT;
ALTER TABLE stent_worker ADD COLUMN tags TEXT;
ALTER TABLE stent_worker ADD COLUMN stent_version VARCHAR(64);
