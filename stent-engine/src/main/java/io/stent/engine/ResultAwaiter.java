package io.stent.engine;

import io.stent.AwaitTimeoutException;
import io.stent.ExecutionNotFoundException;
import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.ExecutionStore;

import java.time.Duration;

/**
 * Waits for an execution to finish: woken at once when this instance finishes it, and polling
 * the database with a growing interval for executions finished elsewhere.
 */
final class ResultAwaiter {

    private static final Duration FIRST_POLL = Duration.ofMillis(5);
    private static final Duration LAST_POLL = Duration.ofMillis(500);

    private final ExecutionStore executions;
    private final TransactionBoundary boundary;
    private final Wakeups wakeups;

    ResultAwaiter(ExecutionStore executions, TransactionBoundary boundary, Wakeups wakeups) {
        this.executions = executions;
        this.boundary = boundary;
        this.wakeups = wakeups;
    }

    ExecutionRecord awaitFinished(String executionId, Duration timeout) {
        return awaitFinished(executionId, timeout, false);
    }

    /**
     * Waits for an execution just started. One that runs on this instance hands over its outcome
     * when its run ends, without a read; if that run did not finish it (a retry, a wait, a
     * release), waiting continues on the database.
     */
    ExecutionRecord awaitFinished(ExecutionStarter.Started started, Duration timeout) {
        if (started.localRun() == null) {
            return awaitFinished(started.id(), timeout, true);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutionRecord finished;
        try {
            finished = started.localRun().get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwaitTimeoutException(started.id(), timeout);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AwaitTimeoutException(started.id(), timeout);
        } catch (java.util.concurrent.ExecutionException e) {
            finished = null; // not reported: the database knows
        }
        if (finished != null) {
            return finished;
        }
        return awaitFinished(started.id(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), false);
    }

    /**
     * Waits for an execution to finish. {@code justStarted} skips the read that would only find
     * the execution pending: the first look at the database comes after the first wake-up or poll.
     */
    ExecutionRecord awaitFinished(String executionId, Duration timeout, boolean justStarted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration poll = FIRST_POLL;
        if (justStarted) {
            try {
                wakeups.awaitFinish(executionId, poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwaitTimeoutException(executionId, timeout);
            }
        }
        boolean watched = false;
        while (true) {
            ExecutionRecord record = watched ? read(executionId) : watch(executionId);
            watched = true;
            if (record.status().isTerminal()) {
                return record;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AwaitTimeoutException(executionId, timeout);
            }
            try {
                wakeups.awaitFinish(executionId, Duration.ofNanos(Math.min(left, poll.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwaitTimeoutException(executionId, timeout);
            }
            poll = poll.multipliedBy(2).compareTo(LAST_POLL) > 0 ? LAST_POLL : poll.multipliedBy(2);
        }
    }

    /** Reads the execution and marks it awaited, so that its end is announced to this waiter. */
    private ExecutionRecord watch(String executionId) {
        return boundary.outside(() -> executions.watch(executionId))
                .orElseThrow(() -> new ExecutionNotFoundException(executionId));
    }

    ExecutionRecord read(String executionId) {
        return boundary.outside(() -> executions.find(executionId))
                .orElseThrow(() -> new ExecutionNotFoundException(executionId));
    }
}
