-- name: schedules
-- Stent schema version 15 (MariaDB, MySQL): recurring schedules (see the PostgreSQL script: a
-- round moves next_fire_at on with a conditional update in the transaction that starts its
-- executions, so each fire time starts at most one execution across all instances).
CREATE TABLE IF NOT EXISTS stent_schedule (
    name              VARCHAR(200) NOT NULL PRIMARY KEY,
    function_name     VARCHAR(200) NOT NULL,
    function_version  INT          NOT NULL,
    queue             VARCHAR(100) NOT NULL,
    priority          INT          NOT NULL,
    tags              LONGTEXT,
    args              LONGTEXT     NOT NULL,
    cron              VARCHAR(200) NOT NULL,
    zone              VARCHAR(64)  NOT NULL,
    overlap           VARCHAR(16)  NOT NULL,
    catch_up          VARCHAR(16)  NOT NULL,
    catch_up_limit    INT          NOT NULL,
    grace_ms          BIGINT       NOT NULL,
    declared          BOOLEAN      NOT NULL,
    paused            BOOLEAN      NOT NULL DEFAULT FALSE,
    next_fire_at      DATETIME(6)  NOT NULL,
    buffered_fire_at  DATETIME(6),
    last_fire_at      DATETIME(6),
    last_execution_id VARCHAR(36),
    fires             BIGINT       NOT NULL DEFAULT 0,
    dropped           BIGINT       NOT NULL DEFAULT 0,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    KEY stent_schedule_due_ix (next_fire_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
