package io.stent;

/**
 * Thrown by {@link Stent#awaitSignal(String, Class, java.time.Duration)} when no signal of that
 * name arrived in time. The timeout is recorded, so a replay throws it again at the same place.
 */
public class SignalTimeoutException extends StentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; also used to recreate a recorded timeout.
     *
     * @param message what timed out
     */
    public SignalTimeoutException(String message) {
        super(ApiMessages.SIGNAL_TIMEOUT, message.startsWith(ApiMessages.SIGNAL_TIMEOUT.code() + " ") ? message.substring(11) : message);
    }
}
