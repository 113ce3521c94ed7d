-- name: cached_hot_path_plans
-- Stent schema version 21 (PostgreSQL): the claim and the batch completion keep their plans.
-- As SQL functions (version 19) they were planned at every call: 0.1 to 0.3 ms
-- per batch of PostgreSQL's CPU, on the path every task takes twice. As PL/pgSQL functions each
-- session plans them once and keeps the plan. The functions' own planner settings are in force
-- when that plan is made, so it has the one shape version 19 chose (the ready index in order up
-- to the limit; tasks and executions by key), whatever the tables' statistics were then or are
-- later: a plan kept from when the task table was small cannot become a scan of the table.
CREATE OR REPLACE FUNCTION stent_claim(claim_owner VARCHAR, function_keys TEXT[], max_tasks INTEGER,
                            lease_seconds DOUBLE PRECISION)
RETURNS TABLE (task_id VARCHAR, task_execution_id VARCHAR, task_function_name VARCHAR,
               task_function_version INTEGER, task_attempt INTEGER, execution_args TEXT,
               claimed_at TIMESTAMP WITH TIME ZONE, execution_deadline_at TIMESTAMP WITH TIME ZONE,
               execution_status VARCHAR, execution_parent_id VARCHAR, task_version INTEGER,
               task_requeues INTEGER, execution_trace_parent VARCHAR)
LANGUAGE plpgsql VOLATILE
SET enable_seqscan = off SET enable_bitmapscan = off SET enable_sort = off
AS $$
BEGIN
RETURN QUERY
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
FROM claimed c JOIN stent_execution e ON e.id = c.execution_id;
END
$$;
CREATE OR REPLACE FUNCTION stent_complete(task_ids VARCHAR[], task_results TEXT[], claimed TIMESTAMP WITH TIME ZONE[],
                               claim_owner VARCHAR)
RETURNS TABLE (ended_task_id VARCHAR, ended_status VARCHAR, notifications BIGINT)
LANGUAGE plpgsql VOLATILE
SET enable_seqscan = off SET enable_bitmapscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
BEGIN
RETURN QUERY
WITH input AS (
    SELECT * FROM unnest(task_ids, task_results, claimed) AS i(task_id, result, claimed_at)),
taken AS (
    -- The status test names a collation other than the column's, so that the planner cannot match
    -- it with the running-task index's predicate and scan that index (it holds every task finished
    -- since the last vacuum) instead of finding each task by its key.
    DELETE FROM stent_task t USING input i
    WHERE t.id = i.task_id AND t.lease_owner = claim_owner AND t.status = 'RUNNING' COLLATE "POSIX"
    RETURNING t.id, t.execution_id, t.attempt, i.result, i.claimed_at),
ended AS (
    UPDATE stent_execution e SET status = CASE WHEN e.status = 'CANCELLING' THEN 'CANCELLED' ELSE 'COMPLETED' END,
        result = k.result, error = NULL, attempts = k.attempt, started_at = COALESCE(e.started_at, k.claimed_at),
        finished_at = CURRENT_TIMESTAMP, updated_at = CURRENT_TIMESTAMP
    FROM taken k WHERE e.id = k.execution_id
    RETURNING k.id AS task_id, e.id, e.status, e.awaited),
told AS (
    -- Only awaited executions are announced: a transaction that notifies holds a lock that
    -- serializes all notifying commits, so completions nobody waits for skip it.
    SELECT pg_notify('stent_finished', a.ids) AS sent
    FROM (SELECT string_agg(id, ',') FILTER (WHERE awaited) AS ids FROM ended) a WHERE a.ids IS NOT NULL)
SELECT task_id, status, (SELECT count(*) FROM told) FROM ended;
END
$$;
