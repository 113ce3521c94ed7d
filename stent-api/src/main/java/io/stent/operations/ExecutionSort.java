package io.stent.operations;

/** What a page of executions is sorted by; ties are broken by id. */
public enum ExecutionSort {
    /** When they were created. */
    CREATED_AT,
    /** When they ended (unfinished ones sort as if they ended last). */
    FINISHED_AT,
    /** The root function's name. */
    FUNCTION,
    /** The status stored in the row (a running execution's row may still say PENDING). */
    STATUS
}
