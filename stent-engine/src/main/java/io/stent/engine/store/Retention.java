package io.stent.engine.store;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Deletes what a retention policy says is old enough, in batches of bounded size, each in a
 * transaction of its own: a batch that fails or is cut off by a crash leaves no half-deleted
 * execution, and the next one goes on from what is left.
 */
public interface Retention {

    /**
     * Which finished executions one rule deletes.
     *
     * @param statuses the end statuses it applies to (COMPLETED, FAILED, CANCELLED, EXPIRED)
     * @param age how long after their end they are kept
     * @param function only this function's executions, or null for every function but {@code except}
     * @param except functions with rules of their own, left out of a rule for every function
     */
    record Rule(Set<String> statuses, Duration age, String function, Set<String> except) {

        /** Copies the sets. */
        public Rule {
            statuses = Set.copyOf(statuses);
            except = Set.copyOf(except);
        }
    }

    /**
     * What one batch of executions did.
     *
     * @param candidates how many top-level executions the rule matched in this batch
     * @param deleted the ids of the executions deleted, children included
     */
    record Batch(int candidates, List<String> deleted) {

        /** Copies the ids. */
        public Batch {
            deleted = List.copyOf(deleted);
        }
    }

    /**
     * Deletes up to {@code limit} top-level executions the rule matches, each with its children
     * (and theirs), steps, tasks, signals, tags and dead letters. An execution is only deleted when
     * it and every execution under it have ended; one that a replay made pending meanwhile stays,
     * and so does its whole tree.
     *
     * @param rule the rule
     * @param limit the most top-level executions in this batch
     * @return what the batch found and deleted
     */
    Batch deleteExecutions(Rule rule, int limit);

    /**
     * Deletes up to {@code limit} dead letters that failed longer ago than {@code age} (their
     * executions stay, FAILED, until a rule deletes them).
     *
     * @param age how long they are kept
     * @param limit the most in this batch
     * @return how many were deleted
     */
    int deleteDeadLetters(Duration age, int limit);

    /**
     * Deletes up to {@code limit} audit rows older than {@code age}, and then the records of retention
     * runs that ended longer ago.
     *
     * @param age how long they are kept
     * @param limit the most in this batch
     * @return how many were deleted
     */
    int deleteAudit(Duration age, int limit);

    /**
     * Deletes up to {@code limit} cached results whose time to live has passed.
     *
     * @param limit the most in this batch
     * @return how many were deleted
     */
    int deleteExpiredCache(int limit);
}
