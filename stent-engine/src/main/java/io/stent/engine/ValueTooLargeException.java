package io.stent.engine;

/**
 * A value too large to store (see {@code stent.limits.*}). The same call would produce it again,
 * so it is never retried.
 */
final class ValueTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    ValueTooLargeException(String message) {
        super(message);
    }

    /** Refuses a stored value longer than {@code max} characters. */
    static String check(String stored, int max, String what, String setting) {
        if (stored != null && stored.length() > max) {
            throw new ValueTooLargeException(EngineMessages.VALUE_TOO_LARGE.format(what, stored.length(), setting,
                    max));
        }
        return stored;
    }
}
