-- name: byte_order_keys
-- Stent schema version 10 (PostgreSQL): keys, names and statuses compare byte by byte (COLLATE "C").
-- Under a database's own locale (en_US.UTF-8, or even C.UTF-8) every comparison in a text index
-- goes through the C library's strcoll; Stent's keys need equality and a stable order, not a
-- language's, so their indexes compare with memcmp: cheaper inserts and look-ups on the hot path.
-- Payload columns (arguments, results, errors, signal payloads) keep the database's collation.
-- Changing the collation does not rewrite the tables, but it rebuilds their indexes while holding
-- an exclusive lock on each table: on a large installation, run it in a quiet period.
ALTER TABLE stent_execution
    ALTER COLUMN id TYPE VARCHAR(36) COLLATE "C",
    ALTER COLUMN function_name TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN status TYPE VARCHAR(16) COLLATE "C",
    ALTER COLUMN idempotency_key TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN parent_id TYPE VARCHAR(36) COLLATE "C",
    ALTER COLUMN parent_position TYPE VARCHAR(200) COLLATE "C";
ALTER TABLE stent_task
    ALTER COLUMN id TYPE VARCHAR(36) COLLATE "C",
    ALTER COLUMN execution_id TYPE VARCHAR(36) COLLATE "C",
    ALTER COLUMN kind TYPE VARCHAR(16) COLLATE "C",
    ALTER COLUMN function_name TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN queue TYPE VARCHAR(100) COLLATE "C",
    ALTER COLUMN status TYPE VARCHAR(16) COLLATE "C",
    ALTER COLUMN lease_owner TYPE VARCHAR(200) COLLATE "C";
ALTER TABLE stent_step
    ALTER COLUMN execution_id TYPE VARCHAR(36) COLLATE "C",
    ALTER COLUMN parent_path TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN function_name TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN status TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE stent_signal
    ALTER COLUMN execution_id TYPE VARCHAR(36) COLLATE "C",
    ALTER COLUMN name TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN consumed_by TYPE VARCHAR(200) COLLATE "C";
ALTER TABLE stent_dead_letter
    ALTER COLUMN id TYPE VARCHAR(36) COLLATE "C",
    ALTER COLUMN execution_id TYPE VARCHAR(36) COLLATE "C",
    ALTER COLUMN function_name TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN queue TYPE VARCHAR(100) COLLATE "C",
    ALTER COLUMN error_class TYPE VARCHAR(500) COLLATE "C";
ALTER TABLE stent_limit ALTER COLUMN name TYPE VARCHAR(300) COLLATE "C";
ALTER TABLE stent_cache
    ALTER COLUMN cache_key TYPE VARCHAR(300) COLLATE "C",
    ALTER COLUMN function_name TYPE VARCHAR(200) COLLATE "C";
