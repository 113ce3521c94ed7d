-- name: claims_leave_executions
-- Stent schema version 9 (PostgreSQL). From this version on, a claim no longer writes the execution
-- row (a leased task is what makes an execution RUNNING), so the row is written once when its
-- attempt ends. Half of each page is left free, so that this update, and a retry's or a
-- suspension's, stays on its page (HOT) even when a whole page of executions ends at once,
-- instead of adding an entry to every index of the table. Pages written before this version
-- keep their layout until they are rewritten (VACUUM FULL or pg_repack).
ALTER TABLE stent_execution SET (fillfactor = 50);
