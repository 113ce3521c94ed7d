package io.stent.it.dropin;

import io.stent.Durable;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A stateless EJB of the host application, with its unqualified persistence context. */
@Stateless
public class CustomerService {

    @PersistenceContext
    EntityManager em;
    @jakarta.inject.Inject
    RunTimes runTimes;

    /**
     * A durable EJB method, run in the container's transaction.
     *
     * @param name the customer
     * @return the new customer's id
     */
    @Durable(name = "dropin.register")
    public long register(String name) {
        runTimes.ran(name);
        Customer customer = new Customer(name);
        em.persist(customer);
        em.flush();
        return customer.getId();
    }

    /**
     * An ordinary business method.
     *
     * @param name the customer
     * @return how many customers have that name
     */
    public long countNamed(String name) {
        return em.createQuery("select count(c) from Customer c where c.name = :name", Long.class)
                .setParameter("name", name).getSingleResult();
    }

    /**
     * The entities of the application's own persistence unit.
     *
     * @return their names
     */
    public java.util.Set<String> entityNames() {
        return em.getMetamodel().getEntities().stream().map(jakarta.persistence.metamodel.EntityType::getName)
                .collect(java.util.stream.Collectors.toSet());
    }
}
