package io.stent;

/**
 * What a schedule does with fire times missed while no instance ran it (downtime): a fire time
 * is missed when it is found later than the schedule's grace period after it.
 */
public enum ScheduleCatchUp {
    /** Missed fire times are dropped; the schedule goes on from the next one. */
    SKIP,
    /** The latest missed fire time starts once; earlier ones are dropped. */
    LATEST,
    /** Every missed fire time starts, the latest ones first up to the schedule's catch-up limit. */
    ALL
}
