-- name: executions_by_function
-- Stent schema version 13 (PostgreSQL): executions by function, newest first, for the console's
-- function filter and sort (with a rare function, the creation-time index alone reads the whole
-- table). Neither column ever changes, so an execution's updates stay in place (see version 8).
CREATE INDEX stent_execution_function_ix ON stent_execution (function_name, created_at, id);
