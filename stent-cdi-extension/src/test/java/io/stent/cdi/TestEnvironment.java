package io.stent.cdi;

import io.stent.engine.TransactionBoundary;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import javax.sql.DataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The runtime environment of Weld SE tests: the test class's database, plain threads, no JTA.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestEnvironment implements RuntimeEnvironment {

    /** Set by each test class before its container starts. */
    static volatile DataSource dataSource;

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
}
