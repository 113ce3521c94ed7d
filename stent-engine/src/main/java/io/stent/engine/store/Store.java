package io.stent.engine.store;

/**
 * The engine's persistence, split by concern.
 *
 * @param executions creating and reading executions
 * @param claims claiming tasks and keeping leases
 * @param completions finishing tasks
 * @param steps the progress log
 * @param signals signals sent to executions
 * @param wakeups pushed wake-ups, or {@link WakeupSource#NONE}
 * @param cache results cached by key
 * @param workers the workers that run, for taking over dead ones' tasks at once
 * @param schedules recurring schedules
 */
public record Store(ExecutionStore executions, TaskClaims claims, TaskCompletion completions, StepLog steps,
                    SignalStore signals, WakeupSource wakeups, ResultCache cache, WorkerRegistry workers,
                    ScheduleStore schedules) {
}
