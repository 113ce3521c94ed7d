package io.stent;

/**
 * A {@link StentException} for a value the caller passed that Stent cannot take: a bad argument,
 * option, name, duration or setting. The console answers it with 400; the message names the value
 * and says what to pass instead.
 */
public class StentArgumentException extends StentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception from a code and a message already made.
     *
     * @param code the stable code
     * @param message what is wrong and what to pass instead
     */
    public StentArgumentException(String code, String message) {
        super(code, message);
    }

    /**
     * Creates an exception from a catalogue entry.
     *
     * @param message the entry
     * @param args its arguments
     */
    public StentArgumentException(StentMessage message, Object... args) {
        super(message, args);
    }

    /**
     * Creates an exception from a catalogue entry, with a cause.
     *
     * @param message the entry
     * @param cause the cause
     * @param args its arguments
     */
    public StentArgumentException(StentMessage message, Throwable cause, Object... args) {
        super(message, cause, args);
    }
}
