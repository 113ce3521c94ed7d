package io.stent.store;

import io.stent.StentMessage;

/** The catalogue of the store's codes: databases, migrations, dead letters, signals, retention and bulk replay. */
public enum StoreMessages implements StentMessage {

    /** 1502. */
    DATASOURCE_LOOKUP("STENT-1502", "cannot look up {} '{}': {}. Set {} to the JNDI name of a JTA DataSource.",
            "Set stent.datasource to the JNDI name of a JTA DataSource the server defines."),
    /** 1703. */
    BAD_REPLAY_MAX("STENT-1703", "max must be 1 to 10000, got {}",
            "Replay 1 to 10,000 at a time, or start a bulk replay for more."),
    /** 1704. */
    NEGATIVE_AGE("STENT-1704", "age must not be negative, got {}",
            "Pass zero or a positive age, such as P30D."),
    /** 1707. */
    UNKNOWN_SORT("STENT-1707", "unknown sort {}",
            "Sort by one of the columns the API names."),
    /** 1715. */
    PAYLOAD_TOO_LARGE("STENT-1715", "the signal payload has {} characters; at most {} are accepted",
            "Send a smaller payload (an id instead of the value), or raise stent.limits.arguments."),
    /** 1716. */
    PAYLOAD_NOT_JSON("STENT-1716", "the signal payload is not one JSON value: {}",
            "Send one JSON value as the payload, e.g. true, 42, \"text\" or {\"by\": \"ops\"}."),
    /** 1733. */
    BAD_SEARCH_BUDGET("STENT-1733", "the search budget must be at least 1, got {}",
            "Set stent.console.search-budget to 1 or more."),
    /** 1736. */
    NO_BULK_REPLAY("STENT-1736", "no bulk replay with id '{}'",
            "Check the id: GET /api/bulk-replays lists them."),
    /** 1807. */
    RETENTION_RUN_INTERRUPTED("STENT-1807", "the run's server died or lost the database (its worker is gone, or the "
            + "run made no progress for {} minutes); the next run goes on with what is left",
            "Nothing: the next run deletes what is left."),
    /** 1808. */
    RETENTION_COUNTS("STENT-1808", "a retention run ends with five counts, got {}",
            "A programming error in the caller of RetentionRuns.end: pass five counts."),
    /** 2241. */
    BULK_REPLAY_ENDED("STENT-2241", "bulk replay {} {}: replayed {}, skipped {} of {}",
            "Nothing: read its counts in the console's dead-letter view."),
    /** 2242. */
    BULK_REPLAY_FAILED("STENT-2242", "bulk replay {} failed; start it again to go on",
            "Read the cause, then Resume it in the console (it goes on from its cursor)."),
    /** 3001. */
    UNSUPPORTED_DATABASE("STENT-3001", "unsupported database: {}",
            "Point stent.datasource at PostgreSQL, H2, MariaDB 10.6+ or MySQL 8."),
    /** 3002. */
    DATABASE_CALL_FAILED("STENT-3002", "database call failed: {} (SQL state {})",
            "Check the database and the SQL state; the work is retried where it can be."),
    /** 3003. */
    SCHEMA_LOCK_HELD("STENT-3003", "the schema lock is still held: {}",
            "Another instance migrates, or died migrating: wait, or clear its row in stent_schema_lock."),
    /** 3004. */
    STEP_RECORD_LOST("STENT-3004", "step {}/{} of execution {} was neither inserted nor found",
            "Check the database: a step's record vanished while it was written."),
    /** 3005. */
    BAD_MIGRATION("STENT-3005", "bad migration: {}",
            "Rebuild stent-jpa: its migration scripts are damaged or missing."),
    /** 3006. */
    SCHEMA_TOO_NEW("STENT-3006", "the database schema is at version {} but this Stent knows versions up to {}; "
            + "deploy the newer Stent everywhere or restore the database",
            "Deploy the newer Stent on every instance, or restore the database."),
    /** 3007. */
    LIMIT_ROW_MISSING("STENT-3007", "limit row '{}' is missing",
            "Check the database: a concurrency limit's row was deleted by hand."),
    /** 3008. */
    NO_SYNCHRONOUS_COMMIT("STENT-3008", "could not make the {} database flush commits at once ({}); commits of the "
            + "last moments before a crash may be lost. Grant the setting or use PostgreSQL.",
            "Grant the setting to Stent's database user, or accept losing the last moments' commits in a crash."),
    /** 3009. */
    START_IN_TRANSACTION_FAILED("STENT-3009", "execution {} could not be created in the caller's transaction",
            "Check the caller's transaction and the database."),
    /** 3010. */
    UNKNOWN_DATABASE_NAME("STENT-3010", "unknown database '{}'; choose one of {}",
            "Name one of the dialects the message lists."),
    /** 3011. */
    STORE_CLOSED("STENT-3011", "this store is closed (its application stopped)",
            "Nothing: the application stopped; calls after that fail."),
    /** 3012. */
    BAD_VERSION_RANGE("STENT-3012", "versions must run from 1 to {}, got {} to {}",
            "Ask SchemaPrinter for versions from 1 to the latest."),
    /** 3013. */
    START_NOT_WRITTEN("STENT-3013", "execution {} of a batch start was neither written nor found by its idempotency key",
            "Check the database: the insert was refused without an error."),
    /** 3101. */
    MIGRATION_APPLIED("STENT-3101", "applying schema migration V{} {} ({})",
            "Nothing: the schema was upgraded."),
    /** 3201. */
    NOTIFICATIONS_LOST("STENT-3201", "the notification listener lost its connection; polling covers until it "
            + "reconnects in {} ms",
            "Nothing: polling covers until the listener reconnects."),
    /** 3202. */
    SESSION_LOCK_LOST("STENT-3202", "the connection that holds this worker's session lock broke; other workers may "
            + "take its tasks over meanwhile (their results are then fenced). Reconnecting in {} ms",
            "Check the database connection; the worker's results are fenced meanwhile."),
    /** 3203. */
    SESSION_LOCK_REFUSED("STENT-3203", "the database did not grant the session lock {}",
            "Check the database: another session holds the lock key."),
    /** 3204. */
    ANNOUNCEMENT_FAILED("STENT-3204", "could not tell the other instances that work is ready; they find it when they "
            + "poll. Trying again in {} ms",
            "Check the database connection; other instances find the work by polling meanwhile.");

    private final String code;
    private final String template;
    private final String remedy;

    StoreMessages(String code, String template, String remedy) {
        this.code = code;
        this.template = template;
        this.remedy = remedy;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public String remedy() {
        return remedy;
    }
}
