-- 1,000,000 completed executions of bench.workflow over 30 days, each with 10 completed steps:
-- what a year's retention of a busy application leaves in Stent's tables.
INSERT INTO stent_execution (id, function_name, function_version, status, args, result, error, idempotency_key,
    attempts, created_at, started_at, finished_at, updated_at, deadline_at, parent_id, parent_position, awaited,
    queue)
SELECT md5('scale' || i)::uuid::text, 'bench.workflow', 1, 'COMPLETED', '[' || i || ']', '' || (i + 10), NULL, NULL, 1,
       now() - (i % 2592000) * interval '1 second', now() - (i % 2592000) * interval '1 second',
       now() - (i % 2592000) * interval '1 second' + interval '1 second', now(), NULL, NULL, NULL, false, 'default'
FROM generate_series(1, 1000000) AS i;
INSERT INTO stent_step (execution_id, parent_path, seq, function_name, status, args, output, attempts, duration_ms,
    finished_at, wake_at)
SELECT md5('scale' || i)::uuid::text, '', s, 'bench.step', 'COMPLETED', '[' || (i + s - 1) || ']', '' || (i + s), 1, 0,
       now() - (i % 2592000) * interval '1 second', NULL
FROM generate_series(1, 1000000) AS i, generate_series(1, 10) AS s;
-- Tables that grew over months have been vacuumed and analyzed by autovacuum meanwhile.
VACUUM ANALYZE stent_execution;
VACUUM ANALYZE stent_step;
