package io.stent.it.dropin;

import io.stent.Durable;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transactional CDI step whose first attempt's transaction is rolled back after its work.
 */
@ApplicationScoped
public class Ledger {

    private final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Books a customer; the first attempt's commit is refused after the body (and the checkpoint)
     * did their work, so the attempt fails and is retried.
     *
     * @param name the customer
     * @return the customer id
     */
    @Durable(name = "dropin.book", maxAttempts = 3, initialBackoff = "PT0.01S")
    @Transactional
    public long book(String name) {
        Customer customer = new Customer(name);
        em.persist(customer);
        em.flush();
        if (attempts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet() == 1) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    throw new IllegalStateException("commit refused for the first attempt");
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to clean up
                }
            });
        }
        return customer.getId();
    }

    /**
     * Books a customer but marks its transaction rollback-only: JTA rolls back silently and the
     * method returns normally.
     *
     * @param name the customer
     * @return the (rolled-back) customer's id
     */
    @Durable(name = "dropin.bookSilentlyRolledBack")
    @Transactional
    public long bookSilentlyRolledBack(String name) {
        Customer customer = new Customer(name);
        em.persist(customer);
        em.flush();
        transactions.setRollbackOnly();
        return customer.getId();
    }
}
