-- name: audit_trail
-- Stent schema version 12 (MariaDB, MySQL): what operators did through the console, its REST API
-- or the command line: who, what, when, on which executions or dead letters, and what came of it.
CREATE TABLE IF NOT EXISTS stent_audit (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    operation   VARCHAR(64)  NOT NULL,
    targets     LONGTEXT,
    affected    INTEGER      NOT NULL,
    outcome     VARCHAR(64)  NOT NULL,
    detail      LONGTEXT,
    INDEX stent_audit_by_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
