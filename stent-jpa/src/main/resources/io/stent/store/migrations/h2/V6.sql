-- name: versions
-- Stent schema version 6 (H2): tasks carry the function version they may run on.
ALTER TABLE stent_task ADD COLUMN function_version INTEGER NOT NULL DEFAULT 1;
UPDATE stent_task SET function_version = (SELECT e.function_version FROM stent_execution e WHERE e.id = stent_task.execution_id);
