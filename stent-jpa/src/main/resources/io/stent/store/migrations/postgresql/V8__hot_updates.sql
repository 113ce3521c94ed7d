-- Stent schema version 8 (PostgreSQL): cheaper state changes.
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
