-- name: workers_and_requeues
-- Stent schema version 11 (PostgreSQL): the workers that are running, and how often a task went
-- back to the queue without spending an attempt because the worker running it died.
-- A task's attempt now counts only runs that the application's code ended (returned or threw): a
-- task recovered from a dead worker, or released because the server or the database failed, gets
-- its attempt back, and a dead worker's recovery counts in requeues instead.
ALTER TABLE stent_task ADD COLUMN requeues INTEGER NOT NULL DEFAULT 0;

-- One row per worker that started, with the functions it runs (limited work is shared among the
-- live workers that run it). A worker is known dead when its heartbeat is older than the
-- lease, when its process is gone from its host, or (PostgreSQL) when the advisory lock it holds
-- on a connection of its own is free.
CREATE TABLE stent_worker (
    id                 VARCHAR(200) COLLATE "C" PRIMARY KEY,
    host               VARCHAR(255) COLLATE "C" NOT NULL,
    pid                BIGINT       NOT NULL,
    process_started_at TIMESTAMP WITH TIME ZONE,
    lock_key           BIGINT       NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at         TIMESTAMP WITH TIME ZONE,
    functions          TEXT
);
