package io.stent.admin;

/** An action the execution's state does not allow (it has finished); answered 409. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A conflict.
     *
     * @param message what is in the way, starting with its STENT code
     */
    public ConflictException(String message) {
        super(message);
    }
}
