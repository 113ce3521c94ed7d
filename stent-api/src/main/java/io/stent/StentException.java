package io.stent;

/**
 * The base of every exception Stent raises. Each carries a stable code such as {@code STENT-1203}
 * that the logs, the dead-letter queue and the admin console use too.
 */
public class StentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * Creates an exception.
     *
     * @param code the stable code, e.g. {@code STENT-1203}
     * @param message what happened and what to do
     */
    public StentException(String code, String message) {
        super(code + " " + message);
        this.code = code;
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code the stable code
     * @param message what happened and what to do
     * @param cause the cause
     */
    public StentException(String code, String message, Throwable cause) {
        super(code + " " + message, cause);
        this.code = code;
    }

    /**
     * Creates an exception from a catalogue entry.
     *
     * @param message the entry
     * @param args its arguments
     */
    public StentException(StentMessage message, Object... args) {
        super(message.format(args));
        this.code = message.code();
    }

    /**
     * Creates an exception from a catalogue entry, with a cause.
     *
     * @param message the entry
     * @param cause the cause
     * @param args its arguments
     */
    public StentException(StentMessage message, Throwable cause, Object... args) {
        super(message.format(args), cause);
        this.code = message.code();
    }

    /**
     * The stable code of this error.
     *
     * @return the code
     */
    public String code() {
        return code;
    }
}
