package io.stent.cdi;

import io.stent.engine.TransactionBoundary;

import javax.sql.DataSource;
import java.util.concurrent.ThreadFactory;

/**
 * What the runtime takes from the server: the DataSource, managed threads and a way to step out
 * of the caller's transaction. The default looks them up in JNDI; a test or an unusual container
 * provides an {@code @Alternative}. Not public API.
 */
public interface RuntimeEnvironment {

    /**
     * Looks up Stent's DataSource.
     *
     * @param name the configured JNDI name ({@code stent.datasource})
     * @return the DataSource
     */
    DataSource dataSource(String name);

    /**
     * The factory for the worker's threads.
     *
     * @return a (managed) thread factory
     */
    ThreadFactory threadFactory();

    /**
     * The transaction boundary.
     *
     * @return the boundary
     */
    TransactionBoundary transactionBoundary();

    /**
     * How the worker waits between a step's retries in place.
     *
     * @return the sleeper; by default the thread sleeps
     */
    default io.stent.engine.Sleeper sleeper() {
        return io.stent.engine.Sleeper.THREAD;
    }
}
