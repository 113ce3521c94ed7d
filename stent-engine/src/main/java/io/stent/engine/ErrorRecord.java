package io.stent.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure as it is stored: class, message, the full printed stack trace (with causes and
 * suppressed exceptions), the cause chain, the suppressed exceptions, and the exception's own
 * fields where they can be written. A mutable bean so that any JSON binding can map it.
 */
public class ErrorRecord {

    private String className;
    private String message;
    private String stackTrace;
    private List<String> causes = new ArrayList<>();
    private List<String> suppressed = new ArrayList<>();
    private java.util.Map<String, String> fields = new java.util.TreeMap<>();

    /** For serialization. */
    public ErrorRecord() {
    }

    /**
     * Captures a failure.
     *
     * @param failure the failure
     * @return its record
     */
    public static ErrorRecord of(Throwable failure) {
        return of(failure, value -> null);
    }

    /**
     * Captures a failure with its own fields (those declared by its class and superclasses below
     * {@link Throwable}), each rendered by {@code render}; a field it returns null for is left out.
     *
     * @param failure the failure
     * @param render renders a field value as text, or returns null
     * @return its record
     */
    public static ErrorRecord of(Throwable failure, java.util.function.Function<Object, String> render) {
        ErrorRecord record = new ErrorRecord();
        record.className = failure.getClass().getName();
        record.message = failure.getMessage();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        record.stackTrace = trace.toString();
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            record.causes.add(cause.getClass().getName() + ": " + cause.getMessage());
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            record.suppressed.add(suppressed.getClass().getName() + ": " + suppressed.getMessage());
        }
        record.fields = OwnFields.of(failure, render);
        return record;
    }

    /**
     * Cuts what could grow without bound: the stack trace to {@code maxChars}, the message to a
     * tenth of that, and the cause and suppressed lists to 20 entries each (a recursive failure or a
     * huge message would otherwise fill the dead-letter queue).
     *
     * @param maxChars the longest stack trace kept
     * @return this record
     */
    public ErrorRecord capped(int maxChars) {
        stackTrace = cut(stackTrace, maxChars);
        message = cut(message, Math.max(256, maxChars / 10));
        if (causes.size() > 20) {
            causes = new ArrayList<>(causes.subList(0, 20));
            causes.add("... more causes cut");
        }
        if (suppressed.size() > 20) {
            suppressed = new ArrayList<>(suppressed.subList(0, 20));
            suppressed.add("... more suppressed exceptions cut");
        }
        return this;
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "\n... " + (text.length() - max) + " more characters cut (stent.limits.stack-trace)";
    }

    /** @return the exception's class name */
    public String getClassName() {
        return className;
    }

    /** @param className the exception's class name */
    public void setClassName(String className) {
        this.className = className;
    }

    /** @return the exception's message, may be null */
    public String getMessage() {
        return message;
    }

    /** @param message the exception's message */
    public void setMessage(String message) {
        this.message = message;
    }

    /** @return the printed stack trace */
    public String getStackTrace() {
        return stackTrace;
    }

    /** @param stackTrace the printed stack trace */
    public void setStackTrace(String stackTrace) {
        this.stackTrace = stackTrace;
    }

    /** @return the cause chain, outermost first, as {@code class: message} */
    public List<String> getCauses() {
        return causes;
    }

    /** @param causes the cause chain */
    public void setCauses(List<String> causes) {
        this.causes = causes;
    }

    /** @return the suppressed exceptions as {@code class: message} */
    public List<String> getSuppressed() {
        return suppressed;
    }

    /** @param suppressed the suppressed exceptions */
    public void setSuppressed(List<String> suppressed) {
        this.suppressed = suppressed;
    }

    /** @return the exception's own fields, name to rendered value */
    public java.util.Map<String, String> getFields() {
        return fields;
    }

    /** @param fields the exception's own fields */
    public void setFields(java.util.Map<String, String> fields) {
        this.fields = fields;
    }
}
