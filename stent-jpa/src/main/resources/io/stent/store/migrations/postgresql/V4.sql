-- name: children
-- Stent schema version 4 (PostgreSQL): child executions.
ALTER TABLE stent_execution ADD COLUMN parent_id VARCHAR(36);
ALTER TABLE stent_execution ADD COLUMN parent_position VARCHAR(200);
CREATE INDEX stent_execution_parent_ix ON stent_execution (parent_id);
