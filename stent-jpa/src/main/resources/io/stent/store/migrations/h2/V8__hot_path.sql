-- Stent schema version 8 (H2): no change. On PostgreSQL this version drops indexes and foreign
-- keys that made every state change and checkpoint write more than it needs; H2 has no partial
-- indexes, and its claim and lease queries keep using the status-led indexes.
SELECT 1;
