-- name: audit_trail
-- Stent schema version 12 (H2): what operators did through the console, its REST API or the
-- command line: who, what, when, on which executions or dead letters, and what came of it.
CREATE TABLE stent_audit (
    id          VARCHAR(36)  PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    operation   VARCHAR(64)  NOT NULL,
    targets     VARCHAR(1000000),
    affected    INTEGER      NOT NULL,
    outcome     VARCHAR(64)  NOT NULL,
    detail      VARCHAR(1000000)
);
CREATE INDEX stent_audit_by_time ON stent_audit (occurred_at);
