package io.stent;

/** What a schedule does when a fire time comes while its previous execution still runs. */
public enum ScheduleOverlap {
    /** The fire time is dropped. */
    SKIP,
    /** The latest such fire time waits and starts when the previous execution ends; others are dropped. */
    BUFFER_ONE,
    /** Every fire time starts its execution, however many run already. */
    ALLOW_ALL
}
