package io.stent.cdi;

import io.stent.engine.TransactionBoundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.util.concurrent.ThreadFactory;

/**
 * The Jakarta EE server: the DataSource and the default {@link ManagedThreadFactory} from JNDI,
 * and JTA suspension through {@link JtaBoundary}.
 */
@ApplicationScoped
public class ContainerEnvironment implements RuntimeEnvironment {

    private static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private static final String[] TRANSACTION_MANAGERS = {
        "java:appserver/TransactionManager", "java:/TransactionManager", "java:comp/TransactionManager"};

    @Inject
    Instance<TransactionSuspender> suspenders;

    @Override
    public DataSource dataSource(String name) {
        return io.stent.store.StentDataSource.lookup(name);
    }

    @Override
    public ThreadFactory threadFactory() {
        return (ManagedThreadFactory) lookup(THREAD_FACTORY, "the default managed thread factory");
    }

    @Override
    public TransactionBoundary transactionBoundary() {
        TransactionSynchronizationRegistry transactions = (TransactionSynchronizationRegistry) lookup(
                "java:comp/TransactionSynchronizationRegistry", "the transaction synchronization registry");
        return new JtaBoundary(transactions, transactionManager(), suspenders);
    }

    /** The server's TransactionManager where it exposes one (GlassFish/Payara, WildFly), else null. */
    private static TransactionManager transactionManager() {
        for (String name : TRANSACTION_MANAGERS) {
            try {
                return (TransactionManager) new InitialContext().lookup(name);
            } catch (NamingException | ClassCastException e) {
                // not under this name on this server
            }
        }
        return null;
    }

    private static Object lookup(String name, String what) {
        try {
            return new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new io.stent.StentException(RuntimeMessages.RESOURCE_LOOKUP, e, what, name, e.getMessage());
        }
    }
}
