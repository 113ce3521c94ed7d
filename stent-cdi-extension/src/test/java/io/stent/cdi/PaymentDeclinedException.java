package io.stent.cdi;

/** A business failure with data of its own, for the dead-letter record. */
public class PaymentDeclinedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String account;
    private final int missingCents;

    public PaymentDeclinedException(String account, int missingCents) {
        super("payment declined for " + account);
        this.account = account;
        this.missingCents = missingCents;
        addSuppressed(new IllegalStateException("audit log unavailable"));
    }

    public String account() {
        return account;
    }

    public int missingCents() {
        return missingCents;
    }
}
