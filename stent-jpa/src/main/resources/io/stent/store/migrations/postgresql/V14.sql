-- name: queues_tags_and_worker_versions
-- Stent schema version 14 (PostgreSQL): an execution records the queue it was started on, and
-- stent_execution_tag the tags its function requires of a worker, so that operators find
-- executions by either through an index. The queue is written once at the start and never
-- changes, so an execution's later updates still stay on their page (see version 8). Executions
-- that ended before this version have no task left to say which queue they ran on; they keep NULL.
ALTER TABLE stent_execution ADD COLUMN queue VARCHAR(100) COLLATE "C";
UPDATE stent_execution SET queue = (SELECT MIN(t.queue) FROM stent_task t WHERE t.execution_id = stent_execution.id
    AND t.kind = 'ROOT') WHERE EXISTS (SELECT 1 FROM stent_task t WHERE t.execution_id = stent_execution.id
    AND t.kind = 'ROOT');
CREATE INDEX stent_execution_queue_ix ON stent_execution (queue, created_at, id);

-- One row per tag an execution's function requires, written when it starts (none for untagged
-- functions), found by tag through its index. No foreign key, as for steps and tasks: whatever
-- deletes an execution deletes its tag rows with it.
CREATE TABLE stent_execution_tag (
    execution_id VARCHAR(36) COLLATE "C"  NOT NULL,
    tag          VARCHAR(100) COLLATE "C" NOT NULL,
    PRIMARY KEY (execution_id, tag)
);
CREATE INDEX stent_execution_tag_ix ON stent_execution_tag (tag, execution_id);

-- A worker also records the queues it serves ("*" for all), the tags it offers and its Stent
-- version, for the console's workers view.
ALTER TABLE stent_worker ADD COLUMN queues TEXT;
ALTER TABLE stent_worker ADD COLUMN tags TEXT;
ALTER TABLE stent_worker ADD COLUMN stent_version VARCHAR(64) COLLATE "C";
