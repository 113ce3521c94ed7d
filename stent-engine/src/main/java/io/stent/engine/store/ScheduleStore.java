package io.stent.engine.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where schedules live, and how a round of one starts its executions exactly once. */
public interface ScheduleStore {

    /**
     * @return the database clock, by which fire times are due
     */
    Instant now();

    /**
     * Writes a schedule: a new one as given; one that exists gets the given definition, and the
     * given next fire time only if its fire times changed (its state, paused included, stays).
     *
     * @param schedule the schedule
     * @return true if it was new or its definition changed
     */
    boolean save(ScheduleRecord schedule);

    /**
     * The schedules a round should look at: not paused, and due by the database clock or holding a
     * fire time that waits for the previous execution, the most overdue first.
     *
     * @param limit the most to return
     * @return them, each with whether its previous execution still runs
     */
    List<ScheduleRecord> due(int limit);

    /**
     * Applies a round: moves the schedule from the state it was read in to the new one and writes
     * its executions, in one transaction. Nothing is written if another instance applied a round of
     * it since it was read.
     *
     * @param seen the schedule as the round read it
     * @param nextFireAt the next fire time
     * @param bufferedFireAt the fire time that waits now, or null
     * @param starts the executions to start (each with an idempotency key naming its fire time)
     * @param lastFireAt the fire time of the last of them, or null for none
     * @param dropped how many fire times the round dropped
     * @return false if another instance moved the schedule first
     */
    boolean fire(ScheduleRecord seen, Instant nextFireAt, Instant bufferedFireAt, List<NewExecution> starts,
                 Instant lastFireAt, int dropped);

    /**
     * Starts an execution of a schedule now, outside its fire times, and records it as its last.
     *
     * @param name the schedule
     * @param execution the execution
     * @return false if there is no such schedule
     */
    boolean trigger(String name, NewExecution execution);

    /**
     * @param name the schedule
     * @return it, if it exists
     */
    Optional<ScheduleRecord> find(String name);

    /**
     * @return every schedule, by name
     */
    List<ScheduleRecord> all();

    /**
     * Pauses or resumes a schedule. A resumed one goes on from the given next fire time.
     *
     * @param name the schedule
     * @param paused whether it is to be paused
     * @param nextFireAt when resuming, the next fire time; ignored when pausing
     * @return false if there is no such schedule
     */
    boolean setPaused(String name, boolean paused, Instant nextFireAt);

    /**
     * @param name the schedule
     * @return false if there was none
     */
    boolean delete(String name);
}
