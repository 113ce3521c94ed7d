package io.stent.operations;

/** What a replay of a dead letter did. */
public enum ReplayOutcome {
    /** Its execution runs again from the failed step. */
    REPLAYED,
    /** No dead letter has that id. */
    NOT_FOUND,
    /** Its execution is no longer FAILED (it was replayed, or cancelled, since): nothing was done. */
    NOT_FAILED
}
