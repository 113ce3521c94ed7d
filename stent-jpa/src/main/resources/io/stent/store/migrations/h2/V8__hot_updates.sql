-- Stent schema version 8 (H2): no change. On PostgreSQL this version drops indexes that made
-- every state change rewrite index entries; H2 has no partial indexes, and its claim and lease
-- queries keep using the status-led indexes.
SELECT 1;
