-- name: bulk_replays
-- Stent schema version 16 (MariaDB, MySQL): bulk replays of dead letters (see the PostgreSQL script).
CREATE TABLE IF NOT EXISTS stent_bulk_replay (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    function_name  VARCHAR(200),
    queue          VARCHAR(100),
    error_class    VARCHAR(500),
    execution_id   VARCHAR(36),
    failed_from    DATETIME(6),
    failed_before  DATETIME(6),
    status         VARCHAR(16)  NOT NULL,
    total          BIGINT       NOT NULL,
    replayed       BIGINT       NOT NULL DEFAULT 0,
    skipped        BIGINT       NOT NULL DEFAULT 0,
    cursor_at      DATETIME(6),
    cursor_id      VARCHAR(36),
    actor          VARCHAR(255) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    finished_at    DATETIME(6),
    KEY stent_bulk_replay_created_ix (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
