package io.stent.engine.store;

import java.time.Duration;
import java.util.List;

/**
 * The workers that run, so that a dead worker's tasks are taken over as soon as the database (or
 * the host) can tell it is dead, instead of when its leases expire. Every time comparison uses
 * the database clock.
 */
public interface WorkerRegistry {

    /**
     * Registers a starting worker. Tasks still leased to its id belong to an earlier life of the
     * same worker id (the id is unique among live workers), so they go back to the queue at once.
     *
     * @param worker the worker; its heartbeat is set to now
     * @return how many tasks of an earlier life went back to the queue
     */
    int register(WorkerRecord worker);

    /**
     * Holds the worker's session lock for as long as the worker lives, where the database has
     * such locks (a PostgreSQL advisory lock on a connection of its own, which the database frees
     * when the connection or the process dies).
     *
     * @param lockKey the worker's lock key
     * @param threads makes the thread that keeps the lock's connection
     * @return what releases the lock at stop; does nothing where there are no session locks
     */
    AutoCloseable holdSessionLock(long lockKey, java.util.concurrent.ThreadFactory threads);

    /**
     * Records a sign of life.
     *
     * @param workerId the worker
     */
    void beat(String workerId);

    /**
     * Marks a worker stopped.
     *
     * @param workerId the worker
     */
    void deregister(String workerId);

    /**
     * Workers other than {@code self} that hold running tasks and either stopped or gave no sign
     * of life for {@code silence}: the ones that may be dead.
     *
     * @param self the asking worker
     * @param silence how long without a heartbeat
     * @return the candidates
     */
    List<WorkerRecord> silentWithTasks(String self, Duration silence);

    /**
     * Takes a worker's running tasks over if the database can tell that it is dead (its session
     * lock is free) or {@code knownDead} says so: its tasks go back to the queue without spending
     * their attempts, and it is marked stopped. Where the database cannot tell and it is not known
     * dead, nothing happens (its leases remain the rule).
     *
     * @param worker the candidate
     * @param knownDead whether the caller knows it is dead (it stopped, or its process is gone)
     * @return how many tasks went back to the queue, or -1 when the worker may be alive
     */
    int recoverIfDead(WorkerRecord worker, boolean knownDead);

    /**
     * Removes workers that stopped (or went silent) long ago and hold nothing.
     *
     * @param age how long ago
     * @return how many were removed
     */
    int forgetOlderThan(Duration age);

    /**
     * The tasks waiting to run (due or not), counted by function and version.
     *
     * @return the counts
     */
    java.util.Map<FunctionKey, Long> waitingByFunction();

    /**
     * The functions that live workers (a sign of life within {@code liveWithin}) run.
     *
     * @param liveWithin how recent a sign of life must be
     * @return the functions and versions
     */
    java.util.Set<FunctionKey> liveFunctions(Duration liveWithin);
}
