-- name: claim_plan
-- Stent schema version 19 (PostgreSQL): the claim as a function whose plan does not depend on
-- the task table's statistics.
-- A burst of starts (an import, a fan-out, the backlog after an outage) fills a task table whose
-- last ANALYZE saw it nearly empty, or saw no READY row. The planner then expects one due task,
-- reads the whole ready index with a bitmap scan and sorts every due task to take 32: each claim
-- costs as much as the burst is long, and a drain of 20,000 ran at a tenth of the database's speed
-- until a VACUUM ANALYZE. Autovacuum does not analyze in the middle of a burst.
-- The function's own settings leave the planner one way to the rows: the ready index in its
-- order (priority, then due time), stopping at the limit, whatever the statistics say. They apply
-- to the claim only; the connection's settings are back as they were when it returns.
-- The function keys come as 'name#version' (the version follows the last '#').
CREATE FUNCTION stent_claim(claim_owner VARCHAR, function_keys TEXT[], max_tasks INTEGER,
                            lease_seconds DOUBLE PRECISION)
RETURNS TABLE (task_id VARCHAR, task_execution_id VARCHAR, task_function_name VARCHAR,
               task_function_version INTEGER, task_attempt INTEGER, execution_args TEXT,
               claimed_at TIMESTAMP WITH TIME ZONE, execution_deadline_at TIMESTAMP WITH TIME ZONE,
               execution_status VARCHAR, execution_parent_id VARCHAR, task_version INTEGER,
               task_requeues INTEGER, execution_trace_parent VARCHAR)
LANGUAGE sql VOLATILE
SET enable_seqscan = off SET enable_bitmapscan = off SET enable_sort = off
AS $$
WITH picked AS (
    SELECT r.ctid FROM stent_task r
    WHERE r.status = 'READY' AND r.run_at <= CURRENT_TIMESTAMP
        AND (r.function_name || '#' || r.function_version) = ANY (function_keys)
    ORDER BY r.priority DESC, r.run_at
    LIMIT max_tasks FOR UPDATE SKIP LOCKED),
claimed AS (
    UPDATE stent_task t SET status = 'RUNNING', lease_owner = claim_owner,
        lease_expires_at = CURRENT_TIMESTAMP + make_interval(secs => lease_seconds),
        attempt = t.attempt + 1, version = t.version + 1
    FROM picked WHERE t.ctid = picked.ctid
    RETURNING t.id, t.execution_id, t.function_name, t.function_version, t.attempt, t.version, t.requeues)
SELECT c.id, c.execution_id, c.function_name, c.function_version, c.attempt, e.args, CURRENT_TIMESTAMP,
    e.deadline_at, e.status, e.parent_id, c.version, c.requeues, e.trace_parent
FROM claimed c JOIN stent_execution e ON e.id = c.execution_id
$$;
