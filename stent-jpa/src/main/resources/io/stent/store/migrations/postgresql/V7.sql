-- name: result_cache
-- Stent schema version 7 (PostgreSQL): results cached by key with a time-to-live.
CREATE TABLE stent_cache (
    cache_key      VARCHAR(300) PRIMARY KEY,
    function_name  VARCHAR(200) NOT NULL,
    result         TEXT,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stent_cache_expires_ix ON stent_cache (expires_at);
