package io.stent.operations;

/** What a cancel request did. */
public enum CancelOutcome {
    /** It had not started running: it is CANCELLED and never runs. */
    CANCELLED,
    /** It runs or waits: it is CANCELLING and stops at its next durable call. */
    CANCELLING,
    /** It was cancelled before: nothing changed. */
    ALREADY_CANCELLED
}
