package io.stent.operations;

/** What a page of dead letters is sorted by; ties are broken by id. */
public enum DeadLetterSort {
    /** When they failed. */
    FAILED_AT,
    /** The function's name. */
    FUNCTION,
    /** The failure's class name. */
    ERROR_CLASS
}
