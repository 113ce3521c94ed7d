package io.stent.store;

import io.stent.operations.RetentionRunView;
import io.stent.operations.TaskView;
import io.stent.store.model.WorkerRow;
import io.stent.store.model.RetentionRunRow;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The records of retention runs: a row written when a run starts, its counts as it goes and its
 * end, read by the console and the operations API. A run whose server died leaves its row RUNNING;
 * it is shown INTERRUPTED as soon as its instance's worker is gone (stopped, or silent for
 * {@link TaskView#SILENCE_SECONDS} by the database clock), or once it has made no progress for
 * {@link #INTERRUPTED_AFTER}; the next run to start writes that down.
 */
public final class RetentionRuns {

    /** A RUNNING run with no progress for this long is taken for dead when another starts. */
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(5);

    private static final String INTERRUPTED = StoreMessages.RETENTION_RUN_INTERRUPTED.format(
            INTERRUPTED_AFTER.toMinutes());

    private final StentPersistence persistence;

    RetentionRuns(StentPersistence persistence) {
        this.persistence = persistence;
    }

    /**
     * Writes a new run, RUNNING, and marks runs that stopped making progress long ago INTERRUPTED.
     *
     * @param instance the worker id of the instance that runs it
     * @param jobExecution its job execution's id, or null
     * @return its view
     */
    public RetentionRunView begin(String instance, Long jobExecution) {
        return persistence.inTransaction(manager -> {
            var now = DatabaseClock.now(manager);
            for (RetentionRunRow running : manager.createQuery("SELECT r FROM RetentionRunRow r WHERE r.status ="
                    + " 'RUNNING'", RetentionRunRow.class).getResultList()) {
                if (interrupted(manager, running, now)) {
                    running.ended("INTERRUPTED", INTERRUPTED, now);
                }
            }
            RetentionRunRow row = RetentionRunRow.started(UUID.randomUUID().toString(), instance, jobExecution, now);
            manager.persist(row);
            return row.view();
        });
    }

    /**
     * Records what a run deleted so far.
     *
     * @param id the run
     * @param executions executions deleted, children included
     * @param deadLetters dead letters deleted
     * @param auditRows audit rows deleted
     * @param cacheEntries cache entries deleted
     * @param batches batches committed
     */
    public void progress(String id, long executions, long deadLetters, long auditRows, long cacheEntries,
                         long batches) {
        persistence.inTransaction(manager -> {
            RetentionRunRow row = manager.find(RetentionRunRow.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row != null) {
                row.progressed(executions, deadLetters, auditRows, cacheEntries, batches, DatabaseClock.now(manager));
            }
            return null;
        });
    }

    /**
     * Ends a run, with its final counts.
     *
     * @param id the run
     * @param status COMPLETED, STOPPED or FAILED
     * @param error why it failed, or null
     * @param counts executions, dead letters, audit rows, cache entries and batches, in that order
     */
    public void end(String id, String status, String error, long... counts) {
        if (counts.length != 5) {
            throw new io.stent.StentArgumentException(StoreMessages.RETENTION_COUNTS, counts.length);
        }
        persistence.inTransaction(manager -> {
            RetentionRunRow row = manager.find(RetentionRunRow.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row != null) {
                var now = DatabaseClock.now(manager);
                row.progressed(counts[0], counts[1], counts[2], counts[3], counts[4], now);
                row.ended(status, error, now);
            }
            return null;
        });
    }

    /**
     * @param id the run
     * @return it, if it exists
     */
    public Optional<RetentionRunView> find(String id) {
        return persistence.read(manager -> Optional.ofNullable(manager.find(RetentionRunRow.class, id))
                .map(RetentionRunRow::view));
    }

    /**
     * @param limit the most to give
     * @return the latest runs, newest first
     */
    public List<RetentionRunView> latest(int limit) {
        // in a transaction, so that liveness is judged on the database clock of its connection
        return persistence.inTransaction(manager -> {
            var now = DatabaseClock.now(manager);
            return manager.createQuery("SELECT r FROM RetentionRunRow r ORDER BY r.startedAt DESC, r.id",
                            RetentionRunRow.class).setMaxResults(limit).getResultList().stream()
                    .map(row -> row.status().equals("RUNNING") && interrupted(manager, row, now)
                            ? row.interruptedView(INTERRUPTED) : row.view())
                    .toList();
        });
    }

    /** Whether a RUNNING run's instance is gone, or the run stopped making progress long ago. */
    private static boolean interrupted(jakarta.persistence.EntityManager manager, RetentionRunRow run,
                                       java.time.OffsetDateTime now) {
        if (run.view().updatedAt().isBefore(now.minus(INTERRUPTED_AFTER))) {
            return true;
        }
        WorkerRow worker = manager.find(WorkerRow.class, run.view().instance());
        return worker == null || worker.stoppedAt() != null
                || worker.heartbeatAt().isBefore(now.minusSeconds(TaskView.SILENCE_SECONDS));
    }
}
