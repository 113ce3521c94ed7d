package io.stent.test;

import io.stent.cdi.RuntimeEnvironment;
import io.stent.engine.Sleeper;
import io.stent.engine.TransactionBoundary;

import javax.sql.DataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The runtime environment of a kit test: the clocked in-memory database, plain threads, no JTA,
 * and retries in place that do not wait (their backoff would only slow the test down).
 */
final class KitEnvironment implements RuntimeEnvironment {

    private final DataSource dataSource;

    KitEnvironment(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public DataSource dataSource(String name) {
        return dataSource;
    }

    @Override
    public ThreadFactory threadFactory() {
        return Executors.defaultThreadFactory();
    }

    @Override
    public TransactionBoundary transactionBoundary() {
        return TransactionBoundary.NONE;
    }

    @Override
    public Sleeper sleeper() {
        return duration -> {
        };
    }
}
