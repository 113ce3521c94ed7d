package io.stent.store;

import io.stent.StentException;

/**
 * A failure of Stent's database work, carrying the driver's exception as its cause.
 */
public class StoreException extends StentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the coded message
     * @param cause the driver's exception
     */
    public StoreException(String message, Throwable cause) {
        super(message.substring(0, message.indexOf(' ')), message.substring(message.indexOf(' ') + 1), cause);
    }
}
