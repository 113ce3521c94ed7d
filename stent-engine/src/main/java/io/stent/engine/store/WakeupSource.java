package io.stent.engine.store;

import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Pushes wake-ups from the database to this instance: work became ready somewhere, or an
 * execution finished. Polling stays the fallback; a store without push returns {@link #NONE}.
 */
public interface WakeupSource {

    /** No push: the worker and waiters poll. */
    WakeupSource NONE = new WakeupSource() {
        @Override
        public void start(ThreadFactory threads, Runnable workReady, Consumer<String> executionFinished) {
            // nothing pushes; polling does the work
        }

        @Override
        public void stop() {
            // nothing to stop
        }
    };

    /**
     * Starts listening.
     *
     * @param threads where to get the listening thread
     * @param workReady called when work may be ready
     * @param executionFinished called with the id of an execution that finished
     */
    void start(ThreadFactory threads, Runnable workReady, Consumer<String> executionFinished);

    /** Stops listening. */
    void stop();

    /**
     * Tells the other instances, soon, that work became ready. Called after the commit that made
     * it ready, and cheap to call often: a store may send one announcement for many calls. Where
     * an announcement is lost (the instance died first), the others find the work when they poll.
     */
    default void announceWork() {
        // nothing pushes; other instances poll
    }
}
