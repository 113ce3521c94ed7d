-- name: trace_context
-- Stent schema version 18 (PostgreSQL): the W3C traceparent of the call that started an
-- execution, where MicroProfile Telemetry traced it, so that every attempt continues that trace on
-- whichever instance runs it. Written once at the start (NULL outside a trace), read by the claim.
ALTER TABLE stent_execution ADD COLUMN trace_parent VARCHAR(55) COLLATE "C";
