-- name: lean_start_indexes
-- Stent schema version 20 (PostgreSQL): a start writes one index entry fewer per NULL it leaves.
-- Most executions have no idempotency key and no parent (every execution started from outside a
-- workflow), yet PostgreSQL's B-tree indexes hold an entry for each NULL: two index inserts per
-- start, 2 of the 9 a start wrote over its execution and task rows, that no query ever reads
-- (look-ups are by a key or a parent id, never by NULL). Partial indexes leave them out.
-- Uniqueness of idempotency keys is unchanged, and the start's ON CONFLICT DO NOTHING names no
-- index, so it honours the partial one.
-- Building them reads the execution table once; on a large installation run it in a quiet period.
CREATE UNIQUE INDEX stent_execution_idempotency_key_uk ON stent_execution (idempotency_key)
    WHERE idempotency_key IS NOT NULL;
DROP INDEX stent_execution_idempotency_uk;
CREATE INDEX stent_execution_parent_id_ix ON stent_execution (parent_id) WHERE parent_id IS NOT NULL;
DROP INDEX stent_execution_parent_ix;
