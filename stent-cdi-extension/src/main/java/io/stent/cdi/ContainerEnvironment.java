package io.stent.cdi;

import io.stent.engine.TransactionBoundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;

/**
 * The Jakarta EE server: the DataSource and the default {@link ManagedThreadFactory} from JNDI,
 * and JTA suspension through {@link TransactionSuspender}.
 */
@ApplicationScoped
public class ContainerEnvironment implements RuntimeEnvironment {

    private static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    @Inject
    TransactionSuspender suspender;

    @Override
    public DataSource dataSource(String name) {
        return (DataSource) lookup(name, "stent.datasource");
    }

    @Override
    public ThreadFactory threadFactory() {
        return (ManagedThreadFactory) lookup(THREAD_FACTORY, "the default managed thread factory");
    }

    @Override
    public TransactionBoundary transactionBoundary() {
        return new TransactionBoundary() {
            @Override
            public <T> T outsideTransaction(Callable<T> work) throws Exception {
                return suspender.outside(work);
            }
        };
    }

    private static Object lookup(String name, String what) {
        try {
            return new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("STENT-1502 cannot look up " + what + " at JNDI name '" + name
                    + "': " + e.getMessage() + ". Set stent.datasource to the JNDI name of a JTA DataSource.", e);
        }
    }
}
