package io.stent;

/**
 * Raised when an idempotency key is reused for a different call: another function, or other
 * arguments, than the execution that already holds the key. Returning that execution would hide
 * a bug (two different operations sharing a key); set
 * {@code stent.start.idempotency-conflict=return-existing} to return it anyway.
 */
public class IdempotencyKeyConflictException extends StentException {

    private static final long serialVersionUID = 1L;

    private final String existingExecutionId;

    /**
     * Creates the exception.
     *
     * @param key the idempotency key
     * @param existingExecutionId the execution that holds it
     * @param difference what differs between the two calls
     */
    public IdempotencyKeyConflictException(String key, String existingExecutionId, String difference) {
        super(ApiMessages.IDEMPOTENCY_KEY_CONFLICT, key, existingExecutionId, difference);
        this.existingExecutionId = existingExecutionId;
    }

    /**
     * The execution that holds the key.
     *
     * @return its id
     */
    public String existingExecutionId() {
        return existingExecutionId;
    }
}
