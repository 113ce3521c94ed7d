package io.stent.engine.store;

/** The state of a recorded step. */
public enum StepStatus {
    /** The step returned a result. */
    COMPLETED,
    /** The step failed for good. */
    FAILED,
    /** A sleep or signal wait that has not ended yet; see the record's wake time. */
    WAITING
}
