package io.stent.operations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an operator does with Stent, available to application code by injection
 * ({@code @Inject StentOperations operations}), and what the admin console and its command line
 * are built on. Every change is written to the audit trail with the caller's name (the
 * authenticated user of the request, or {@code application}).
 */
public interface StentOperations {

    /**
     * The overview: the last day's executions, the queues' open work, dead letters, live workers.
     *
     * @return the overview
     */
    Overview overview();

    /**
     * A page of executions.
     *
     * @param filter which ones
     * @param sort the order
     * @param page which page
     * @return the page of summaries
     */
    Page<ExecutionSummary> executions(ExecutionFilter filter, ExecutionSort sort, PageRequest page);

    /**
     * One execution with its arguments, result or error, and recorded steps.
     *
     * @param id the execution id
     * @return it, if it exists
     */
    Optional<ExecutionDetail> execution(String id);

    /**
     * A page of an execution's recorded steps.
     *
     * @param executionId the execution id
     * @param page which page ({@code ascending}: oldest first)
     * @return the page
     */
    Page<StepView> steps(String executionId, PageRequest page);

    /**
     * Cancels an execution and its children that still run.
     *
     * @param id the execution id
     * @return what it did
     * @throws io.stent.ExecutionNotFoundException if there is no such execution
     * @throws io.stent.ExecutionFinishedException if it has finished
     */
    CancelOutcome cancel(String id);

    /**
     * Sends a signal whose payload is given as JSON (the JSON of the type the workflow waits for);
     * it is kept until the execution waits for it.
     *
     * @param id the execution id
     * @param name the signal name, 1 to 150 characters
     * @param jsonPayload the payload as one JSON value ({@code null} for none)
     * @throws io.stent.ExecutionNotFoundException if there is no such execution
     * @throws io.stent.ExecutionFinishedException if it has finished
     * @throws io.stent.StentArgumentException if the name or the payload is not acceptable
     */
    void signalJson(String id, String name, String jsonPayload);

    /**
     * A page of dead letters.
     *
     * @param filter which ones
     * @param sort the order
     * @param page which page
     * @return the page
     */
    Page<DeadLetter> deadLetters(DeadLetterFilter filter, DeadLetterSort sort, PageRequest page);

    /**
     * How many dead letters a filter matches.
     *
     * @param filter which ones
     * @return the count
     */
    long countDeadLetters(DeadLetterFilter filter);

    /**
     * One dead letter with its structured error.
     *
     * @param id the dead letter's id
     * @return it, if it exists
     */
    Optional<DeadLetter> deadLetter(String id);

    /**
     * Replays one dead letter: its execution runs again from the step that failed.
     *
     * @param id the dead letter's id
     * @return what it did
     */
    ReplayOutcome replay(String id);

    /**
     * Retries a failed execution from the step that failed: its completed steps are kept, the
     * failed one runs again. Its newest dead letter, if it still has one, is marked replayed.
     *
     * @param executionId the execution
     * @return what it did (NOT_FAILED for an execution that is not FAILED)
     */
    ReplayOutcome retry(String executionId);

    /**
     * Replays every dead letter a filter matches that was not replayed yet, oldest first, each in
     * a transaction of its own.
     *
     * @param filter which ones
     * @param max the most to replay, 1 to 10,000
     * @return the ids of the dead letters replayed
     */
    List<String> replayAll(DeadLetterFilter filter, int max);

    /**
     * Starts a bulk replay of every dead letter a filter matches that was not replayed yet, oldest
     * first, in chunks, as a Jakarta Batch job where the server runs one (else in the calling
     * thread). It never replays one twice, shows its progress in {@link #bulkReplays()}, and can be
     * stopped with {@link #stopBulkReplay(String)}. Audited.
     *
     * @param filter which dead letters
     * @return the bulk replay as it starts (with how many match)
     */
    BulkReplayView startBulkReplay(DeadLetterFilter filter);

    /**
     * The latest bulk replays, newest first, with their progress.
     *
     * @return at most 50
     */
    List<BulkReplayView> bulkReplays();

    /**
     * One bulk replay with its progress, however old.
     *
     * @param id the bulk replay
     * @return empty if there is none with that id
     */
    Optional<BulkReplayView> bulkReplay(String id);

    /**
     * Asks a running bulk replay to stop after the chunk in progress (on whichever instance runs it).
     *
     * @param id the bulk replay
     * @return false if there is none, or it does not run
     */
    boolean stopBulkReplay(String id);

    /**
     * Runs a stopped, failed or broken-off bulk replay again from where it got to.
     *
     * @param id the bulk replay
     * @return false if there is none, or it completed
     */
    boolean resumeBulkReplay(String id);

    /**
     * The latest runs of the retention job, newest first: where each ran, what it deleted, and how
     * it ended.
     *
     * @return at most 50
     */
    List<RetentionRunView> retentionRuns();

    /**
     * Deletes one dead letter; its execution stays FAILED.
     *
     * @param id the dead letter's id
     * @return false if there was none
     */
    boolean deleteDeadLetter(String id);

    /**
     * Deletes the dead letters that failed longer ago than {@code age}.
     *
     * @param age how old, not negative
     * @return how many were deleted
     */
    int purgeDeadLetters(Duration age);

    /**
     * Exports every execution a filter matches, oldest first, whole: values, errors and steps (for
     * audits, or to move history elsewhere). It reads in pages, so it holds one page in memory
     * whatever the number; the export is written to the audit trail with how many it gave.
     *
     * @param filter which executions
     * @param each given each execution in turn
     * @return how many it exported
     */
    long exportExecutions(ExecutionFilter filter, java.util.function.Consumer<ExecutionExport> each);

    /**
     * The recurring schedules, by name, with their next fire times and last runs.
     *
     * @return the schedules
     */
    List<ScheduleView> schedules();

    /**
     * Pauses a schedule: no fire time starts an execution until it is resumed.
     *
     * @param name the schedule
     * @return false if there is none
     */
    boolean pauseSchedule(String name);

    /**
     * Resumes a paused schedule from its next fire time after now; the ones that passed while it
     * was paused are dropped.
     *
     * @param name the schedule
     * @return false if there is none
     */
    boolean resumeSchedule(String name);

    /**
     * Starts an execution of a schedule now, whatever its fire times and policies.
     *
     * @param name the schedule
     * @return the execution's id, or empty if there is no such schedule
     */
    Optional<String> triggerSchedule(String name);

    /**
     * Deletes a schedule; the executions it started go on. A declared one comes back when a
     * deployment that declares it starts again.
     *
     * @param name the schedule
     * @return false if there was none
     */
    boolean deleteSchedule(String name);

    /**
     * The workers that run now or stopped lately, the newest first.
     *
     * @return the workers
     */
    List<WorkerView> workers();

    /**
     * A page of the audit trail, the newest first.
     *
     * @param actor only this user's actions, or null
     * @param operation only this operation (such as {@code dead-letter.replay}), or null
     * @param page which page
     * @return the page
     */
    Page<AuditView> audit(String actor, String operation, PageRequest page);
}
