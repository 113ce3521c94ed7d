package io.stent.engine;

import io.stent.engine.store.ExecutionRecord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Executions this instance started and runs itself, watched by a caller in this JVM: the run's
 * end hands the caller the outcome directly, so it need not read it back from the database.
 */
final class LocalRuns {

    private final ConcurrentMap<String, CompletableFuture<ExecutionRecord>> watched = new ConcurrentHashMap<>();

    /**
     * Watches a run that is about to start.
     *
     * @return completed when the run ends here: with the final record when it finished, or with
     *     null when it ended here without finishing (it retries, waits, or moved to another worker)
     */
    CompletableFuture<ExecutionRecord> watch(String executionId) {
        CompletableFuture<ExecutionRecord> future = new CompletableFuture<>();
        watched.put(executionId, future);
        return future;
    }

    /** Stops watching a run that did not start after all. */
    void forget(String executionId) {
        watched.remove(executionId);
    }

    /**
     * Reports the end of a run on this instance.
     *
     * @param executionId the execution
     * @param finished its final record, or null if it did not finish
     */
    void ended(String executionId, ExecutionRecord finished) {
        CompletableFuture<ExecutionRecord> future = watched.remove(executionId);
        if (future != null) {
            future.complete(finished);
        }
    }
}
