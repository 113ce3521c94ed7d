package io.stent;

/**
 * Stands in for a recorded exception whose class cannot be instantiated here. Its stack trace is
 * the recorded one.
 */
public class RecordedFailureException extends StentException {

    private static final long serialVersionUID = 1L;

    private final String originalClass;

    /**
     * Creates the stand-in.
     *
     * @param originalClass the recorded exception's class name
     * @param message the recorded message
     */
    public RecordedFailureException(String originalClass, String message) {
        super(ApiMessages.RECORDED_FAILURE, originalClass, message);
        this.originalClass = originalClass;
    }

    /**
     * The class name of the exception that was recorded.
     *
     * @return the class name
     */
    public String originalClass() {
        return originalClass;
    }
}
