-- name: audit_trail
-- Stent schema version 12 (PostgreSQL): what operators did through the console, its REST API or
-- the command line: who, what, when, on which executions or dead letters, and what came of it.
CREATE TABLE stent_audit (
    id          VARCHAR(36)  COLLATE "C" PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(255) COLLATE "C" NOT NULL,
    operation   VARCHAR(64)  COLLATE "C" NOT NULL,
    targets     TEXT,
    affected    INTEGER      NOT NULL,
    outcome     VARCHAR(64)  COLLATE "C" NOT NULL,
    detail      TEXT
);
CREATE INDEX stent_audit_by_time ON stent_audit (occurred_at);
