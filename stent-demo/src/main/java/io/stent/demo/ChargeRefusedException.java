package io.stent.demo;

import jakarta.ejb.ApplicationException;

/**
 * A charge the payment step refuses for good (nothing to charge). An application exception, so
 * that the EJB container rolls back without logging it as a system failure; Stent does not retry it.
 */
@ApplicationException(rollback = true)
public class ChargeRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message why
     */
    public ChargeRefusedException(String message) {
        super(message);
    }
}
