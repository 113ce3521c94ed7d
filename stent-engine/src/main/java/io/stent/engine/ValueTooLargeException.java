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
            throw new ValueTooLargeException("STENT-1115 " + what + " is " + stored.length() + " characters once"
                    + " stored, more than " + setting + " (" + max + "); store a reference (an id, a file name) instead"
                    + " of the value itself, or raise the limit");
        }
        return stored;
    }
}
