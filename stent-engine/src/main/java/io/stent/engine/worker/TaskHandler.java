package io.stent.engine.worker;

import io.stent.engine.store.ClaimedTask;

/**
 * Runs one claimed task on a worker thread.
 */
@FunctionalInterface
public interface TaskHandler {

    /**
     * Runs the task to its end.
     *
     * @param task the task, leased to this worker
     * @param bodyDone to be called once the task's own code has finished and only its commit is
     *     left to wait for: the worker may then start another task (the call is optional; the
     *     worker makes it itself when the task ends)
     */
    void run(ClaimedTask task, Runnable bodyDone);
}
