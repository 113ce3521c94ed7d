package io.stent.store;

import io.stent.engine.store.ClaimedTask;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * What differs between databases on the hot path and in schema handling. Detected once from the
 * connection's metadata.
 */
interface Dialect {

    /**
     * The name of the migrations folder and of the dialect in messages.
     *
     * @return e.g. {@code postgresql}
     */
    String name();

    /**
     * An SQL expression for the database clock plus the milliseconds bound to one parameter.
     *
     * @return the expression, with one {@code ?}
     */
    String nowPlusMillis();

    /**
     * Binds the milliseconds parameter of {@link #nowPlusMillis()}.
     *
     * @param statement the statement
     * @param index the parameter index
     * @param millis the milliseconds
     * @throws SQLException on a driver error
     */
    void bindMillis(java.sql.PreparedStatement statement, int index, long millis) throws SQLException;

    /**
     * Atomically claims ready, due tasks, marks their executions running, and returns them with
     * their arguments. Runs inside a transaction on {@code connection}.
     *
     * @param connection the connection
     * @param owner the worker
     * @param functions the claimable functions
     * @param limit the batch size
     * @param leaseMillis the lease length
     * @return the claimed tasks
     * @throws SQLException on a driver error
     */
    List<ClaimedTask> claim(Connection connection, String owner, Collection<io.stent.engine.store.FunctionKey> functions,
                            int limit,
                            long leaseMillis) throws SQLException;

    /**
     * Claims like {@link #claim}, in a transaction of its own.
     *
     * @param jdbc the connections
     * @param owner the worker
     * @param functions the claimable functions
     * @param limit the batch size
     * @param leaseMillis the lease length
     * @return the claimed tasks
     */
    default List<ClaimedTask> claimAlone(Jdbc jdbc, String owner,
                                         Collection<io.stent.engine.store.FunctionKey> functions, int limit,
                                         long leaseMillis) {
        return jdbc.inTransaction(connection -> claim(connection, owner, functions, limit, leaseMillis));
    }

    /**
     * The suffix that makes an insert skip a row whose key exists, or empty when the dialect
     * reports the duplicate as an error instead.
     *
     * @return the suffix
     */
    String onConflictDoNothing();

    /**
     * The EclipseLink database platform for this database.
     *
     * @return the platform's class name
     */
    String eclipseLinkPlatform();

    /**
     * Refuses a database version too old for Stent's SQL.
     *
     * @param metaData the connection's metadata
     * @throws SQLException if the version cannot be read
     * @throws StoreException naming the version needed
     */
    default void checkVersion(java.sql.DatabaseMetaData metaData) throws SQLException {
    }

    /**
     * Adapts a connection taken from the DataSource to what Stent's SQL expects, where the
     * database needs it (its clock's precision, how it stores times). Every connection the store
     * uses passes through here.
     *
     * @param connection the DataSource's connection
     * @return the connection to use (closing it closes the DataSource's)
     */
    default Connection adapt(Connection connection) {
        return connection;
    }

    /**
     * Prepares a transaction that Stent owns, right after auto-commit was turned off, before its
     * first statement.
     *
     * @param connection the connection
     * @throws SQLException on a driver error
     */
    default void beginTransaction(Connection connection) throws SQLException {
    }

    /**
     * The statement that creates the table recording applied schema versions, if it is missing.
     *
     * @return the statement
     */
    default String versionTable() {
        return "CREATE TABLE IF NOT EXISTS stent_schema_version (version INTEGER PRIMARY KEY,"
                + " description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)";
    }

    /**
     * Rewrites one of Stent's statements for this database (its clock function, say); the
     * statements are written for PostgreSQL and H2.
     *
     * @param sql the statement
     * @return the statement to run
     */
    default String translate(String sql) {
        return sql;
    }

    /**
     * Makes the database as durable as Stent needs, once when the store is created. H2 writes
     * commits to disk up to half a second late by default, so a killed process loses them; its
     * dialect turns that delay off.
     *
     * @param connection a connection
     * @throws SQLException if the setting cannot be changed
     */
    default void prepare(Connection connection) throws SQLException {
    }

    /**
     * Completes a batch of root tasks in the dialect's quickest way, or returns null so the
     * general path (one transaction of batched statements) does it.
     *
     * @param jdbc the connections
     * @param completions the completions
     * @param owner the worker holding the leases
     * @return the ended executions' statuses by task id, or null
     */
    default java.util.Map<String, io.stent.ExecutionStatus> completeAlone(
            Jdbc jdbc, List<io.stent.engine.store.TaskCompletion.Completion> completions, String owner) {
        return null;
    }

    /**
     * How new executions are written on this database.
     *
     * @param jdbc the connections
     * @return the writer
     */
    default ExecutionWrites executionWrites(Jdbc jdbc) {
        return new ExecutionWrites(jdbc);
    }

    /**
     * Announces, inside the current transaction, that work became ready: delivered to listening
     * instances when the transaction commits, so no wake-up is lost and none arrives early.
     *
     * @param connection the transaction's connection
     * @throws SQLException on a driver error
     */
    default void notifyWork(Connection connection) throws SQLException {
    }

    /**
     * Announces, inside the current transaction, that an execution finished.
     *
     * @param connection the transaction's connection
     * @param executionId the execution
     * @throws SQLException on a driver error
     */
    default void notifyFinished(Connection connection, String executionId) throws SQLException {
    }

    /**
     * Announces, inside the current transaction, that several executions finished.
     *
     * @param connection the transaction's connection
     * @param executionIds the executions
     * @throws SQLException on a driver error
     */
    default void notifyFinished(Connection connection, java.util.Collection<String> executionIds) throws SQLException {
        for (String id : executionIds) {
            notifyFinished(connection, id);
        }
    }

    /**
     * The push wake-up source of this database.
     *
     * @param dataSource the DataSource to listen on
     * @return the source, or {@link io.stent.engine.store.WakeupSource#NONE}
     */
    default io.stent.engine.store.WakeupSource wakeups(javax.sql.DataSource dataSource) {
        return io.stent.engine.store.WakeupSource.NONE;
    }

    /**
     * Takes the schema migration lock, waiting for another instance that holds it.
     *
     * @param connection a connection kept for the whole migration
     * @param holder who takes it, for the record
     * @throws SQLException on a driver error
     */
    void lockSchema(Connection connection, String holder) throws SQLException;

    /**
     * Gives the schema migration lock back.
     *
     * @param connection the connection that took it
     * @throws SQLException on a driver error
     */
    void unlockSchema(Connection connection) throws SQLException;

    /**
     * The statement that records a worker's sign of life, with the worker id as its one parameter.
     * It is frequent and losing one in a database crash is harmless, so PostgreSQL's commits it
     * without waiting for the log flush.
     *
     * @return the statement
     */
    default String heartbeatStatement() {
        return "UPDATE stent_worker SET heartbeat_at = CURRENT_TIMESTAMP WHERE id = ?";
    }

    /**
     * Holds a session lock for a worker's lifetime, where the database has session locks that it
     * frees when the holder's connection dies.
     *
     * @param dataSource where to take a connection of its own
     * @param key the lock key
     * @param threads makes the thread that keeps the connection
     * @return what releases the lock
     */
    default AutoCloseable holdSessionLock(javax.sql.DataSource dataSource, long key,
                                          java.util.concurrent.ThreadFactory threads) {
        return () -> { };
    }

    /**
     * Tells, inside the current transaction, whether a worker's session lock is free: its holder's
     * connection is gone. False where the database has no session locks (it cannot tell).
     *
     * @param connection the transaction's connection
     * @param key the lock key
     * @return true if free
     * @throws SQLException on a driver error
     */
    default boolean sessionLockFree(Connection connection, long key) throws SQLException {
        return false;
    }

    /**
     * The clause that locks a row read to check a lease, so that nothing takes the lease over
     * before the transaction ends, while other readers may still read it.
     *
     * @return the clause, with a leading space
     */
    default String lockForCheck() {
        return " FOR UPDATE";
    }

    /**
     * Tells whether a failure is the violation of a unique key (a second writer lost the race).
     *
     * @param e the failure
     * @return true for a unique violation
     */
    default boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a failure says that a table does not exist.
     *
     * @param e the failure
     * @return true for a missing table
     */
    boolean isMissingTable(SQLException e);
}
