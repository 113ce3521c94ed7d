package io.stent.engine.store;

/** The outcome of a recorded step. */
public enum StepStatus {
    /** The step returned a result. */
    COMPLETED,
    /** The step failed for good. */
    FAILED
}
