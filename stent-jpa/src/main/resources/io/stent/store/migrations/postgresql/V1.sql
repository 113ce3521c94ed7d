-- name: init
-- Stent schema version 1 (PostgreSQL): executions, their tasks, and the step log.
CREATE TABLE stent_execution (
    id               VARCHAR(36)  PRIMARY KEY,
    function_name    VARCHAR(200) NOT NULL,
    function_version INTEGER      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    args             TEXT,
    result           TEXT,
    error            TEXT,
    idempotency_key  VARCHAR(200),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX stent_execution_idempotency_uk ON stent_execution (idempotency_key);
CREATE INDEX stent_execution_status_ix ON stent_execution (status, created_at);
CREATE INDEX stent_execution_created_ix ON stent_execution (created_at);

CREATE TABLE stent_task (
    id               VARCHAR(36)  PRIMARY KEY,
    execution_id     VARCHAR(36)  NOT NULL REFERENCES stent_execution (id) ON DELETE CASCADE,
    kind             VARCHAR(16)  NOT NULL,
    function_name    VARCHAR(200) NOT NULL,
    queue            VARCHAR(100) NOT NULL,
    priority         INTEGER      NOT NULL DEFAULT 0,
    status           VARCHAR(16)  NOT NULL,
    run_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    attempt          INTEGER      NOT NULL DEFAULT 0,
    lease_owner      VARCHAR(200),
    lease_expires_at TIMESTAMP WITH TIME ZONE,
    version          INTEGER      NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stent_task_ready_ix ON stent_task (priority DESC, run_at) WHERE status = 'READY';
CREATE INDEX stent_task_lease_ix ON stent_task (lease_expires_at) WHERE status = 'RUNNING';
CREATE INDEX stent_task_owner_ix ON stent_task (lease_owner) WHERE status = 'RUNNING';
CREATE INDEX stent_task_execution_ix ON stent_task (execution_id);

CREATE TABLE stent_step (
    execution_id   VARCHAR(36)  NOT NULL REFERENCES stent_execution (id) ON DELETE CASCADE,
    parent_path    VARCHAR(200) NOT NULL,
    seq            INTEGER      NOT NULL,
    function_name  VARCHAR(200) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    args           TEXT,
    output         TEXT,
    attempts       INTEGER      NOT NULL,
    duration_ms    BIGINT       NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (execution_id, parent_path, seq)
);
