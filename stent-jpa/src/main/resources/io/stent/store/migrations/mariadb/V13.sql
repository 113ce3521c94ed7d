-- name: executions_by_function
-- Stent schema version 13 (MariaDB, MySQL): executions by function, newest first, for the
-- console's function filter and sort.
CREATE INDEX stent_execution_function_ix ON stent_execution (function_name, created_at, id);
