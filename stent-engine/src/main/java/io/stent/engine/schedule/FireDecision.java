package io.stent.engine.schedule;

import java.time.Instant;
import java.util.List;

/**
 * What one round of a schedule does: the fire times to start executions for now, the next fire
 * time to wait for, and the fire time left waiting for the previous execution to end.
 *
 * @param start the fire times to start, oldest first
 * @param nextFireAt the first fire time after this round
 * @param buffered the fire time that waits for the running execution ({@code BUFFER_ONE}), or null
 * @param dropped how many fire times this round dropped (missed or overlapping)
 */
public record FireDecision(List<Instant> start, Instant nextFireAt, Instant buffered, int dropped) {

    /** Copies the fire times. */
    public FireDecision {
        start = List.copyOf(start);
    }
}
