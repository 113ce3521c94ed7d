-- name: schedules
-- Stent schema version 15 (PostgreSQL): recurring schedules. A schedule starts its durable
-- function at the fire times of a cron expression in a time zone. Every instance looks for due
-- schedules; a round moves next_fire_at on with a conditional update, in the transaction that
-- starts the round's executions (each with an idempotency key made of the schedule and the fire
-- time), so each fire time starts at most one execution across all instances. The function's
-- version, queue, priority and tags are those of the instance that wrote the schedule: the console
-- starts an execution of it with them when an operator triggers it.
CREATE TABLE stent_schedule (
    name              VARCHAR(200) COLLATE "C" PRIMARY KEY,
    function_name     VARCHAR(200) COLLATE "C" NOT NULL,
    function_version  INTEGER      NOT NULL,
    queue             VARCHAR(100) COLLATE "C" NOT NULL,
    priority          INTEGER      NOT NULL,
    tags              TEXT,
    args              TEXT         NOT NULL,
    cron              VARCHAR(200) COLLATE "C" NOT NULL,
    zone              VARCHAR(64)  COLLATE "C" NOT NULL,
    overlap           VARCHAR(16)  COLLATE "C" NOT NULL,
    catch_up          VARCHAR(16)  COLLATE "C" NOT NULL,
    catch_up_limit    INTEGER      NOT NULL,
    grace_ms          BIGINT       NOT NULL,
    declared          BOOLEAN      NOT NULL,
    paused            BOOLEAN      NOT NULL DEFAULT FALSE,
    next_fire_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    buffered_fire_at  TIMESTAMP WITH TIME ZONE,
    last_fire_at      TIMESTAMP WITH TIME ZONE,
    last_execution_id VARCHAR(36)  COLLATE "C",
    fires             BIGINT       NOT NULL DEFAULT 0,
    dropped           BIGINT       NOT NULL DEFAULT 0,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stent_schedule_due_ix ON stent_schedule (next_fire_at);
