-- name: hot_path
-- Stent schema version 8 (PostgreSQL): a cheaper hot path.
-- An execution's status changes at least twice (claimed, ended). With no index on the columns
-- those updates write, and room left on each page, PostgreSQL updates it in place (HOT) instead
-- of adding an entry to every index. The console filters by status over the created_at index.
DROP INDEX stent_execution_status_ix;
ALTER TABLE stent_execution SET (fillfactor = 70);
-- Running tasks are few: one partial index on the lease owner serves renewal, recovery and the
-- concurrency counts, so a claim writes one running-task index entry instead of four.
DROP INDEX stent_task_lease_ix;
DROP INDEX stent_task_running_function_ix;
DROP INDEX stent_task_running_queue_ix;
-- Every checkpoint inserts a step row. Its foreign key made each insert lock the execution row
-- (one more page write and log record per step). Stent writes steps and tasks only for
-- executions it created; whatever deletes an execution must delete its steps and tasks with it.
ALTER TABLE stent_step DROP CONSTRAINT stent_step_execution_id_fkey;
ALTER TABLE stent_task DROP CONSTRAINT stent_task_execution_id_fkey;
-- Set when someone waits for an execution's result: only then does its end send a notification
-- (every notifying commit takes one lock, so unawaited ones skip it).
ALTER TABLE stent_execution ADD COLUMN awaited BOOLEAN NOT NULL DEFAULT FALSE;
