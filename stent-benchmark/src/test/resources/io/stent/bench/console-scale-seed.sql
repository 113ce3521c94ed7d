-- 1,000,000 executions over 30 days: 90% completed, 5% failed (with dead letters), 2% suspended,
-- 1% running (leased task), 1% pending (due task), 1% cancelled; one step each; 20 functions and a rare one (10 executions);
-- 10% on queue mail, 10 on a rare queue, the rest on default; 2% tagged gpu, 10 with a rare tag.
INSERT INTO stent_execution (id, function_name, function_version, status, args, result, error, idempotency_key,
    attempts, created_at, started_at, finished_at, updated_at, deadline_at, parent_id, parent_position, awaited,
    queue)
SELECT md5(i::text)::uuid::text, CASE WHEN i % 100000 = 7 THEN 'rare' ELSE 'fn' || (i % 20) END, 1,
       CASE WHEN i % 100 < 90 THEN 'COMPLETED' WHEN i % 100 < 95 THEN 'FAILED' WHEN i % 100 < 97 THEN 'SUSPENDED'
            WHEN i % 100 < 98 THEN 'PENDING' WHEN i % 100 < 99 THEN 'PENDING' ELSE 'CANCELLED' END,
       '["order-' || i || '", 3, {"sku":"A-1","qty":2}]',
       CASE WHEN i % 100 < 90 THEN '"shipped ' || i || '"' END,
       CASE WHEN i % 100 BETWEEN 90 AND 94 THEN '{"className":"java.lang.IllegalStateException","message":"broken ' || i || '","stackTrace":"' || repeat('at x.Y.z(Y.java:1)\n', 40) || '"}' END,
       'key-' || i, 1, now() - (i % 2592000) * interval '1 second', now() - (i % 2592000) * interval '1 second',
       CASE WHEN i % 100 < 95 OR i % 100 = 99 THEN now() - (i % 2592000) * interval '1 second' + interval '1 second' END,
       now(), NULL, NULL, NULL, false,
       CASE WHEN i % 100000 = 11 THEN 'rare-queue' WHEN i % 10 = 3 THEN 'mail' ELSE 'default' END
FROM generate_series(1, 1000000) AS i;
INSERT INTO stent_execution_tag (execution_id, tag)
SELECT md5(i::text)::uuid::text, CASE WHEN i % 100000 = 13 THEN 'rare-tag' ELSE 'gpu' END
FROM generate_series(1, 1000000) AS i WHERE i % 50 = 0 OR i % 100000 = 13;
INSERT INTO stent_step (execution_id, parent_path, seq, function_name, status, args, output, attempts, duration_ms, finished_at, wake_at)
SELECT md5(i::text)::uuid::text, '', 1, 'step' || (i % 5), 'COMPLETED', '[1]', '"ok"', 1, 3,
       now() - (i % 2592000) * interval '1 second', NULL
FROM generate_series(1, 1000000) AS i;
INSERT INTO stent_dead_letter (id, execution_id, function_name, queue, error_class, error_message, error, attempts, failed_at, replayed_at, replay_count)
SELECT md5('dl' || i)::uuid::text, md5(i::text)::uuid::text, 'fn' || (i % 20), 'default', 'java.lang.IllegalStateException',
       'broken ' || i, '{"className":"java.lang.IllegalStateException"}', 3, now() - (i % 2592000) * interval '1 second', NULL, 0
FROM generate_series(1, 1000000) AS i WHERE i % 100 BETWEEN 90 AND 94;
INSERT INTO stent_task (id, execution_id, kind, function_name, queue, priority, status, run_at, attempt, lease_owner,
    lease_expires_at, version, created_at, function_version, requeues)
SELECT md5('t' || i)::uuid::text, md5(i::text)::uuid::text, 'ROOT', 'fn' || (i % 20), 'default', 0,
       CASE WHEN i % 100 = 97 THEN 'RUNNING' ELSE 'READY' END,
       CASE WHEN i % 100 < 97 THEN now() + interval '1 hour' ELSE now() END, 1,
       CASE WHEN i % 100 = 97 THEN 'worker-1' END, CASE WHEN i % 100 = 97 THEN now() + interval '30 seconds' END,
       0, now(), 1, 0
FROM generate_series(1, 1000000) AS i WHERE i % 100 BETWEEN 95 AND 98;
INSERT INTO stent_audit (id, occurred_at, actor, operation, targets, affected, outcome, detail)
SELECT md5('a' || i)::uuid::text, now() - i * interval '1 minute', 'ops', 'dead-letter.replay', 'x', 1, 'REPLAYED', NULL
FROM generate_series(1, 10000) AS i;
ANALYZE;
