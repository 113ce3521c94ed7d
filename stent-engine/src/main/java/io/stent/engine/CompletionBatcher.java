package io.stent.engine;

import io.stent.ExecutionStatus;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.TaskCompletion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for successful completions: worker threads hand in their results and go on with
 * other work; a flusher thread finishes all that are waiting in a single transaction and then
 * tells each completion's {@link Committed} callback. Under load this turns one commit per
 * execution into one per batch; alone, a completion commits at once. {@value #FLUSHERS} flushers
 * work at once: a commit mostly waits for the database's log flush, and commits that wait together
 * share one flush. At most {@value #MAX_PENDING}
 * completions wait at a time; beyond that, workers wait before handing in more (and so before
 * taking more work).
 */
final class CompletionBatcher {

    private static final Logger LOG = Logger.getLogger(CompletionBatcher.class.getName());
    private static final int MAX_BATCH = 64;
    private static final int FLUSHERS = 4;
    private static final int MAX_PENDING = 4 * MAX_BATCH;

    /** Told, on a flusher thread, how a handed-in completion ended. */
    @FunctionalInterface
    interface Committed {
        /**
         * The completion's transaction is done.
         *
         * @param status the status its execution ended in (CANCELLED if a cancel was pending), or
         *     null if the lease was lost or the commit failed
         * @param failure why the commit failed, or null
         */
        void ended(ExecutionStatus status, RuntimeException failure);
    }

    /** One completion waiting for its batch. */
    private record Pending(TaskCompletion.Completion completion, Committed then) {
    }

    private final TaskCompletion completions;
    private final String owner;
    private final ThreadFactory threads;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(MAX_PENDING);
    private final List<Thread> flushers = new ArrayList<>();
    private volatile boolean running;

    CompletionBatcher(TaskCompletion completions, String owner, ThreadFactory threads) {
        this.completions = completions;
        this.owner = owner;
        this.threads = threads;
    }

    /**
     * Hands the completion to the next batch and returns without waiting for its commit (it only
     * waits while {@value #MAX_PENDING} completions are already waiting).
     *
     * @param queued called once the completion is queued
     * @param then told on a flusher thread once the batch's transaction is done
     */
    void complete(ClaimedTask task, String result, Runnable queued, Committed then) {
        ensureStarted();
        room.acquireUninterruptibly();
        queue.add(new Pending(new TaskCompletion.Completion(task, result), then));
        queued.run();
    }

    private synchronized void ensureStarted() {
        if (!running) {
            running = true;
            for (int i = 0; i < FLUSHERS; i++) {
                Thread flusher = threads.newThread(this::flushLoop);
                flusher.setName("stent-completions-" + i + "-" + owner);
                flusher.setDaemon(true);
                flusher.start();
                flushers.add(flusher);
            }
        }
    }

    private void flushLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void flush(List<Pending> batch) {
        Map<String, ExecutionStatus> ended;
        try {
            ended = completions.completeAll(batch.stream().map(Pending::completion).toList(), owner);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, EngineMessages.BATCH_COMPLETION_FAILED.format(batch.size()), e);
            batch.forEach(this::flushAlone);
            return;
        }
        for (Pending pending : batch) {
            tell(pending, ended.get(pending.completion().task().id()), null);
        }
    }

    private void flushAlone(Pending pending) {
        ExecutionStatus status;
        try {
            status = completions.completeAll(List.of(pending.completion()), owner)
                    .get(pending.completion().task().id());
        } catch (RuntimeException single) {
            tell(pending, null, single);
            return;
        }
        tell(pending, status, null);
    }

    /** Tells one completion's callback; a callback that throws is logged and the batch goes on. */
    private void tell(Pending pending, ExecutionStatus status, RuntimeException failure) {
        try {
            pending.then().ended(status, failure);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, EngineMessages.AFTER_COMMIT_FAILED.format(pending.completion().task().id()), e);
        } finally {
            room.release();
        }
    }

    synchronized void stop() {
        running = false;
        for (Thread flusher : flushers) {
            try {
                flusher.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushers.clear();
    }
}
