package io.stent.store;

import io.stent.operations.DeadLetter;
import io.stent.operations.ReplayOutcome;
import io.stent.operations.DeadLetterFilter;
import io.stent.store.model.DeadLetterRow;
import io.stent.store.model.ExecutionRow;
import io.stent.store.model.TaskRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead-letter queue's actions, through Jakarta Persistence: replay resumes an execution from
 * its failed step, keeping the steps that completed; delete and purge remove dead letters. The
 * queue is read through {@link io.stent.store.query.StoreQueries}.
 */
public final class DeadLetters {

        private final StentPersistence persistence;
    private final Dialect dialect;

    DeadLetters(StentPersistence persistence, Dialect dialect) {
        this.persistence = persistence;
        this.dialect = dialect;
    }

    /**
     * Replays one dead letter: its execution becomes PENDING with a new task, its failed step
     * records are removed so those steps run again, and its completed steps are kept.
     *
     * @param id the dead letter
     * @return what the replay did
     */
    public ReplayOutcome replay(String id) {
        return persistence.inTransaction(manager -> replay(manager, id));
    }

    /**
     * Replays the dead letters a filter matches, oldest first, at most {@code max} of them, each
     * in a transaction of its own.
     *
     * @param filter which ones (replayed ones are never replayed again by this call)
     * @param max the most to replay, 1 to 10,000
     * @return the ids of the dead letters that were replayed, in the order they were
     */
    public List<String> replayMatching(DeadLetterFilter filter, int max) {
        if (max < 1 || max > 10_000) {
            throw new io.stent.StentArgumentException(StoreMessages.BAD_REPLAY_MAX, max);
        }
        DeadLetterFilter pending = filter.pendingOnly();
        List<String> ids = persistence.read(manager -> {
            CriteriaBuilder cb = manager.getCriteriaBuilder();
            CriteriaQuery<String> query = cb.createQuery(String.class);
            Root<DeadLetterRow> letter = query.from(DeadLetterRow.class);
            query.select(letter.get("id")).where(matching(cb, letter, pending))
                    .orderBy(cb.asc(letter.get("failedAt")), cb.asc(letter.get("id")));
            return manager.createQuery(query).setMaxResults(max).getResultList();
        });
        List<String> replayed = new ArrayList<>();
        for (String id : ids) {
            if (replay(id) == ReplayOutcome.REPLAYED) {
                replayed.add(id);
            }
        }
        return replayed;
    }

    /**
     * Deletes one dead letter (the execution stays, FAILED).
     *
     * @param id the dead letter
     * @return whether it existed
     */
    public boolean delete(String id) {
        return persistence.inTransaction(manager -> manager.createQuery("DELETE FROM DeadLetterRow d WHERE d.id = :id")
                .setParameter("id", id).executeUpdate() == 1);
    }

    /**
     * Deletes dead letters that failed longer ago than {@code age} (database clock).
     *
     * @param age the age
     * @return how many were deleted
     */
    public int purgeOlderThan(Duration age) {
        if (age.isNegative()) {
            throw new io.stent.StentArgumentException(StoreMessages.NEGATIVE_AGE, age);
        }
        return persistence.inTransaction(manager -> manager.createQuery(
                        "DELETE FROM DeadLetterRow d WHERE d.failedAt < :cutoff")
                .setParameter("cutoff", DatabaseClock.now(manager).minus(age)).executeUpdate());
    }

    private ReplayOutcome replay(EntityManager manager, String id) {
        DeadLetterRow letter = manager.find(DeadLetterRow.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (letter == null) {
            return ReplayOutcome.NOT_FOUND;
        }
        ExecutionRow execution = manager.find(ExecutionRow.class, letter.executionId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (execution == null || !"FAILED".equals(execution.status())) {
            return ReplayOutcome.NOT_FAILED;
        }
        OffsetDateTime now = resume(manager, execution, letter.queue());
        letter.replayed(now);
        return ReplayOutcome.REPLAYED;
    }

    /**
     * Runs a failed execution again from the step that failed: through its newest dead letter
     * (which is marked replayed), or, when its dead letters were deleted, on the queue it was
     * started on.
     *
     * @param executionId the execution
     * @return what it did: NOT_FOUND also when it has no dead letter and ended before schema
     *     version 14 recorded its queue
     */
    public ReplayOutcome retryExecution(String executionId) {
        return persistence.inTransaction(manager -> {
            // the dead letter is locked before its execution, in the order replay() takes them
            List<String> letters = manager.createQuery("SELECT d.id FROM DeadLetterRow d WHERE d.executionId = :id"
                            + " ORDER BY d.failedAt DESC, d.id", String.class).setParameter("id", executionId)
                    .setMaxResults(1).getResultList();
            if (!letters.isEmpty()) {
                return replay(manager, letters.get(0));
            }
            ExecutionRow execution = manager.find(ExecutionRow.class, executionId, LockModeType.PESSIMISTIC_WRITE);
            if (execution == null) {
                return ReplayOutcome.NOT_FOUND;
            }
            if (!"FAILED".equals(execution.status())) {
                return ReplayOutcome.NOT_FAILED;
            }
            if (execution.queue() == null) {
                return ReplayOutcome.NOT_FOUND;
            }
            resume(manager, execution, execution.queue());
            return ReplayOutcome.REPLAYED;
        });
    }

    /**
     * Makes a failed execution pending with a new root task: its failed step records are removed
     * so those steps run again, its completed steps are kept.
     *
     * @return the database clock
     */
    private OffsetDateTime resume(EntityManager manager, ExecutionRow execution, String queue) {
        manager.createQuery("DELETE FROM StepRow s WHERE s.executionId = :id AND s.status = 'FAILED'")
                .setParameter("id", execution.id()).executeUpdate();
        OffsetDateTime now = DatabaseClock.now(manager);
        execution.resumeAfterFailure(now);
        manager.persist(TaskRow.readyRoot(io.stent.engine.store.TimeOrderedIds.next(), execution, queue, now));
        manager.flush();
        try {
            dialect.notifyWork(connection(manager)); // delivered when the replay commits
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
        return now;
    }

    /** The database clock, read in the transaction (Stent decides due-ness by it, never by the JVM's). */
    private static Connection connection(EntityManager manager) {
        return manager.unwrap(Connection.class);
    }

    /**
     * The conditions of a filter, for a query over dead letters.
     *
     * @param cb the builder
     * @param letter the dead-letter root
     * @param filter the filter
     * @return the conditions
     */
    static Predicate[] matching(CriteriaBuilder cb, Root<DeadLetterRow> letter, DeadLetterFilter filter) {
        List<Predicate> where = new ArrayList<>();
        if (filter.executionId() != null) {
            where.add(cb.equal(letter.get("executionId"), filter.executionId()));
        }
        if (filter.function() != null) {
            where.add(cb.equal(letter.get("functionName"), filter.function()));
        }
        if (filter.queue() != null) {
            where.add(cb.equal(letter.get("queue"), filter.queue()));
        }
        if (filter.errorClass() != null) {
            where.add(cb.equal(letter.get("errorClass"), filter.errorClass()));
        }
        if (filter.failedFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(letter.get("failedAt"), filter.failedFrom()));
        }
        if (filter.failedBefore() != null) {
            where.add(cb.lessThan(letter.get("failedAt"), filter.failedBefore()));
        }
        if (!filter.includeReplayed()) {
            where.add(cb.isNull(letter.get("replayedAt")));
        }
        return where.toArray(Predicate[]::new);
    }

    /**
     * A dead letter as the store shows it.
     *
     * @param row the row
     * @return the view
     */
    static DeadLetter view(DeadLetterRow row) {
        return new DeadLetter(row.id(), row.executionId(), row.functionName(), row.queue(), row.errorClass(),
                row.errorMessage(), row.error(), row.attempts(), row.failedAt(), row.replayedAt(), row.replayCount());
    }
}
