package io.stent.engine.worker;

import io.stent.engine.store.ClaimedTask;

/**
 * Runs one claimed task on a worker thread.
 */
@FunctionalInterface
public interface TaskHandler {

    /**
     * Runs the task. The task ends when this returns, unless the handler took its end over with
     * {@link TaskEnd#defer()} (to end it once a group commit is done, on another thread).
     *
     * @param task the task, leased to this worker
     * @param end what the handler tells the worker about the task's progress
     */
    void run(ClaimedTask task, TaskEnd end);

    /** What a handler tells the worker about a running task. */
    interface TaskEnd {

        /**
         * The task's own code has finished: the worker may start another task on its thread. The
         * call is optional (the worker makes it itself when {@code run} returns) and idempotent.
         */
        void bodyDone();

        /**
         * Takes over the end of the task: the worker keeps the task leased (and renews its lease)
         * after {@code run} returns, until the returned action is called. Call it exactly once,
         * when the task's outcome is written or given up.
         *
         * @return the action that ends the task
         */
        Runnable defer();

        /**
         * The task's outcome could not be written (the database failed): the worker keeps the task
         * leased and gives it back to the queue, without spending its attempt, as soon as the
         * database answers again; the task then ends. Takes over the task's end like
         * {@link #defer()}.
         */
        void giveBack();
    }
}
