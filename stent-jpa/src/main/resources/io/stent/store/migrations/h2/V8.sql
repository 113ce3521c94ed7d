-- name: hot_path
-- Stent schema version 8 (H2). On PostgreSQL this version also drops indexes and foreign keys
-- that made every state change and checkpoint write more than it needs; H2 has no partial
-- indexes, and its claim and lease queries keep using the status-led indexes.
-- Set when someone waits for an execution's result (PostgreSQL then announces its end).
ALTER TABLE stent_execution ADD COLUMN awaited BOOLEAN NOT NULL DEFAULT FALSE;
