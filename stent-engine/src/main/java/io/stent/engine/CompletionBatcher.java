package io.stent.engine;

import io.stent.ExecutionStatus;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.TaskCompletion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for successful completions: worker threads hand in their results and wait; a
 * flusher thread finishes all that are waiting in a single transaction. Under load this turns one
 * commit per execution into one per batch; alone, a completion commits at once. Two flushers work
 * at once, so a batch is written while the one before is being committed. At most
 * {@value #MAX_PENDING} completions wait at a time; beyond that, workers wait before handing in
 * more (and so before taking more work).
 */
final class CompletionBatcher {

    private static final Logger LOG = Logger.getLogger(CompletionBatcher.class.getName());
    private static final int MAX_BATCH = 64;
    private static final int FLUSHERS = 2;
    private static final int MAX_PENDING = 4 * MAX_BATCH;

    /** One completion waiting for its batch. */
    private record Pending(TaskCompletion.Completion completion, CompletableFuture<ExecutionStatus> ended) {
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
     * Completes the task in the next batch and waits for its commit; returns the status its
     * execution ended in (CANCELLED if a cancel was pending), or null if the lease was lost.
     *
     * @param queued called once the completion is queued, before the wait for its commit
     */
    ExecutionStatus complete(ClaimedTask task, String result, Runnable queued) {
        ensureStarted();
        CompletableFuture<ExecutionStatus> ended = new CompletableFuture<>();
        room.acquireUninterruptibly();
        ended.whenComplete((status, failure) -> room.release());
        queue.add(new Pending(new TaskCompletion.Completion(task, result), ended));
        queued.run();
        return ended.join();
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
        try {
            Map<String, ExecutionStatus> ended = completions.completeAll(
                    batch.stream().map(Pending::completion).toList(), owner);
            for (Pending pending : batch) {
                pending.ended().complete(ended.get(pending.completion().task().id()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "STENT-2208 completing a batch of " + batch.size() + " task(s) failed; each is"
                    + " retried on its own", e);
            for (Pending pending : batch) {
                try {
                    Map<String, ExecutionStatus> ended = completions.completeAll(List.of(pending.completion()),
                            owner);
                    pending.ended().complete(ended.get(pending.completion().task().id()));
                } catch (RuntimeException single) {
                    pending.ended().completeExceptionally(single);
                }
            }
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
