-- name: dead_letters
-- Stent schema version 3 (H2): the dead-letter queue.
CREATE TABLE stent_dead_letter (
    id             VARCHAR(36)  PRIMARY KEY,
    execution_id   VARCHAR(36)  NOT NULL REFERENCES stent_execution (id) ON DELETE CASCADE,
    function_name  VARCHAR(200) NOT NULL,
    queue          VARCHAR(100) NOT NULL,
    error_class    VARCHAR(500) NOT NULL,
    error_message  CHARACTER LARGE OBJECT,
    error          CHARACTER LARGE OBJECT         NOT NULL,
    attempts       INTEGER      NOT NULL,
    failed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    replayed_at    TIMESTAMP WITH TIME ZONE,
    replay_count   INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX stent_dead_letter_failed_ix ON stent_dead_letter (failed_at);
CREATE INDEX stent_dead_letter_function_ix ON stent_dead_letter (function_name, failed_at);
CREATE INDEX stent_dead_letter_execution_ix ON stent_dead_letter (execution_id);
