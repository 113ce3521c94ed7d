package io.stent.it.dropin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** An EJB that calls a durable workflow inside its own container-managed transaction. */
@Stateless
public class TransactionalCaller {

    @Inject
    Onboarding onboarding;

    /**
     * Onboards inside this method's transaction.
     *
     * @param name the customer
     * @return the workflow's result
     */
    public String onboardInTransaction(String name) {
        return onboarding.onboard(name);
    }
}
