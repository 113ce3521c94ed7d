package io.stent.operations;

/**
 * What a page of executions is sorted by; ties are broken by id. Both orders are read from an
 * index, so a page costs the same at a million executions as at a hundred. There is no order by
 * status or end time: an index on either column would cost every completion its in-place update
 * (see the README's production guide), and without one such a page reads the whole table.
 */
public enum ExecutionSort {
    /** When they were created. */
    CREATED_AT,
    /** The root function's name, then when they were created. */
    FUNCTION
}
