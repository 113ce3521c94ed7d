package io.stent.engine;

/**
 * A value too large to store (see {@code stent.limits.*}). The same call would produce it again,
 * so it is never retried.
 */
final class ValueTooLargeException extends io.stent.StentArgumentException {

    private static final long serialVersionUID = 1L;

    ValueTooLargeException(Object... args) {
        super(EngineMessages.VALUE_TOO_LARGE, args);
    }

    /** Refuses a stored value longer than {@code max} characters. */
    static String check(String stored, int max, String what, String setting) {
        if (stored != null && stored.length() > max) {
            throw new ValueTooLargeException(what, stored.length(), setting, max);
        }
        return stored;
    }
}
