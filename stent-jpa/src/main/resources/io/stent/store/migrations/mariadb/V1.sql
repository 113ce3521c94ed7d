-- name: init
-- Stent schema (MariaDB 10.6+ and MySQL 8). MariaDB support arrived with schema version 11, so
-- this first script creates the whole schema of version 11, and versions 2 to 11 change nothing.
-- Times are UTC in DATETIME(6): TIMESTAMP would stop in 2038 and convert with the session's
-- time zone. Text compares byte by byte (utf8mb4_bin): keys and names are case-sensitive, as on
-- the other databases. DDL commits at once here, so every statement can run again after a
-- migration that stopped halfway. As on PostgreSQL, tasks and steps have no foreign key: each
-- key check would lock the execution row on every checkpoint; whatever deletes an execution
-- deletes its tasks and steps with it.
CREATE TABLE IF NOT EXISTS stent_execution (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    function_name    VARCHAR(200) NOT NULL,
    function_version INT          NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    args             LONGTEXT,
    result           LONGTEXT,
    error            LONGTEXT,
    idempotency_key  VARCHAR(200),
    attempts         INT          NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    started_at       DATETIME(6),
    finished_at      DATETIME(6),
    updated_at       DATETIME(6)  NOT NULL,
    deadline_at      DATETIME(6),
    parent_id        VARCHAR(36),
    parent_position  VARCHAR(200),
    awaited          BOOLEAN      NOT NULL DEFAULT FALSE,
    UNIQUE KEY stent_execution_idempotency_uk (idempotency_key),
    KEY stent_execution_created_ix (created_at),
    KEY stent_execution_parent_ix (parent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS stent_task (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    execution_id     VARCHAR(36)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    function_name    VARCHAR(200) NOT NULL,
    function_version INT          NOT NULL DEFAULT 1,
    queue            VARCHAR(100) NOT NULL,
    priority         INT          NOT NULL DEFAULT 0,
    status           VARCHAR(16)  NOT NULL,
    run_at           DATETIME(6)  NOT NULL,
    attempt          INT          NOT NULL DEFAULT 0,
    requeues         INT          NOT NULL DEFAULT 0,
    lease_owner      VARCHAR(200),
    lease_expires_at DATETIME(6),
    version          INT          NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    KEY stent_task_ready_ix (status, priority DESC, run_at),
    KEY stent_task_lease_ix (status, lease_expires_at),
    KEY stent_task_owner_ix (lease_owner, status),
    KEY stent_task_execution_ix (execution_id),
    KEY stent_task_running_function_ix (status, function_name),
    KEY stent_task_running_queue_ix (status, queue)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS stent_step (
    execution_id   VARCHAR(36)  NOT NULL,
    parent_path    VARCHAR(200) NOT NULL,
    seq            INT          NOT NULL,
    function_name  VARCHAR(200) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    args           LONGTEXT,
    output         LONGTEXT,
    attempts       INT          NOT NULL,
    duration_ms    BIGINT       NOT NULL,
    finished_at    DATETIME(6)  NOT NULL,
    wake_at        DATETIME(6),
    PRIMARY KEY (execution_id, parent_path, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS stent_signal (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    execution_id  VARCHAR(36)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    payload       LONGTEXT,
    consumed_by   VARCHAR(200),
    created_at    DATETIME(6)  NOT NULL,
    KEY stent_signal_pending_ix (execution_id, name, consumed_by, id),
    KEY stent_signal_consumer_ix (execution_id, consumed_by),
    CONSTRAINT stent_signal_execution_fk FOREIGN KEY (execution_id) REFERENCES stent_execution (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS stent_dead_letter (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    execution_id   VARCHAR(36)  NOT NULL,
    function_name  VARCHAR(200) NOT NULL,
    queue          VARCHAR(100) NOT NULL,
    error_class    VARCHAR(500) NOT NULL,
    error_message  LONGTEXT,
    error          LONGTEXT     NOT NULL,
    attempts       INT          NOT NULL,
    failed_at      DATETIME(6)  NOT NULL,
    replayed_at    DATETIME(6),
    replay_count   INT          NOT NULL DEFAULT 0,
    KEY stent_dead_letter_failed_ix (failed_at),
    KEY stent_dead_letter_function_ix (function_name, failed_at),
    KEY stent_dead_letter_execution_ix (execution_id),
    CONSTRAINT stent_dead_letter_execution_fk FOREIGN KEY (execution_id) REFERENCES stent_execution (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS stent_limit (
    name         VARCHAR(300) NOT NULL PRIMARY KEY,
    tokens       DOUBLE       NOT NULL,
    refilled_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS stent_cache (
    cache_key      VARCHAR(300) NOT NULL PRIMARY KEY,
    function_name  VARCHAR(200) NOT NULL,
    result         LONGTEXT,
    expires_at     DATETIME(6)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    KEY stent_cache_expires_ix (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS stent_worker (
    id                 VARCHAR(200) NOT NULL PRIMARY KEY,
    host               VARCHAR(255) NOT NULL,
    pid                BIGINT       NOT NULL,
    process_started_at DATETIME(6),
    lock_key           BIGINT       NOT NULL,
    started_at         DATETIME(6)  NOT NULL,
    heartbeat_at       DATETIME(6)  NOT NULL,
    stopped_at         DATETIME(6),
    functions          LONGTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
