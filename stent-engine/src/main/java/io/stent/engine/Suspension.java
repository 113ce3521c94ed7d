package io.stent.engine;

import java.time.OffsetDateTime;

/**
 * Unwinds a workflow that waits: its task is parked until {@code wakeAt} and the workflow is
 * replayed then. An {@link Error}, so that ordinary {@code catch (Exception e)} blocks in
 * workflow code let it pass; workflows must not catch {@code Throwable} or {@code Error}.
 */
final class Suspension extends Error {

    private static final long serialVersionUID = 1L;

    private final transient OffsetDateTime wakeAt;
    private final String awaitedSignal;
    private final java.util.List<String> awaitedChildren;

    Suspension(OffsetDateTime wakeAt, String awaitedSignal) {
        this(wakeAt, awaitedSignal, java.util.List.of());
    }

    Suspension(OffsetDateTime wakeAt, String awaitedSignal, java.util.List<String> awaitedChildren) {
        super("execution suspended until " + wakeAt, null, false, false);
        this.wakeAt = wakeAt;
        this.awaitedSignal = awaitedSignal;
        this.awaitedChildren = java.util.List.copyOf(awaitedChildren);
    }

    /** The child executions the workflow waits for. */
    java.util.List<String> awaitedChildren() {
        return awaitedChildren;
    }

    OffsetDateTime wakeAt() {
        return wakeAt;
    }

    /** The signal the workflow waits for, or null for a sleep. */
    String awaitedSignal() {
        return awaitedSignal;
    }

    /** Finds a suspension in a failure's cause chain (containers may wrap it). */
    static Suspension in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Suspension suspension) {
                return suspension;
            }
        }
        return null;
    }
}
