package io.stent;

/**
 * The entry point for application code; inject it with {@code @Inject Stent stent}.
 *
 * <p>Calling a {@link Durable} method directly starts an execution and waits for its result.
 * {@code Stent} starts one without waiting and finds existing executions.
 */
public interface Stent {

    /**
     * Starts an execution of the durable method called in {@code call} and returns at once.
     *
     * @param call a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @param <T> the result type
     * @return a handle on the new execution
     * @throws io.stent.StentArgumentException if the lambda calls no durable method or more than one
     */
    <T> ExecutionHandle<T> start(DurableCall<T> call);

    /**
     * Starts an execution with options, see {@link #start(DurableCall)}.
     *
     * @param call a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @param options start options such as an idempotency key
     * @param <T> the result type
     * @return a handle on the new execution, or on the earlier one with the same idempotency key
     */
    <T> ExecutionHandle<T> start(DurableCall<T> call, StartOptions options);

    /**
     * Starts several executions at once and returns without waiting for them. They are written
     * together, a few statements for the whole list: in the caller's transaction when there is one
     * (they exist if and when it commits, and none if it rolls back), otherwise in one transaction
     * of their own, so that either all of them are started or, on a failure, none. Each request's
     * options apply to its start; a taken idempotency key (also one taken by an earlier request of
     * the same list) returns the earlier execution's handle, as {@link #start(DurableCall, StartOptions)}
     * does.
     *
     * @param requests the starts, in order
     * @param <T> the result type
     * @return a handle per request, in the same order
     * @throws io.stent.StentArgumentException if a lambda calls no durable method or more than one
     */
    <T> java.util.List<ExecutionHandle<T>> startAll(java.util.List<StartRequest<T>> requests);

    /**
     * Starts an execution of the {@code void} durable method called in {@code run} and returns at
     * once: {@code stent.start(() -> shipping.dispatch(id))}.
     *
     * @param run a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @return a handle on the new execution; its result is null
     * @throws io.stent.StentArgumentException if the lambda calls no durable method or more than one
     */
    default ExecutionHandle<Void> start(DurableRun run) {
        return start(run, StartOptions.defaults());
    }

    /**
     * Starts an execution of a {@code void} durable method with options, see {@link #start(DurableRun)}.
     *
     * @param run a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @param options start options such as an idempotency key
     * @return a handle on the new execution, or on the earlier one with the same idempotency key
     */
    default ExecutionHandle<Void> start(DurableRun run, StartOptions options) {
        java.util.Objects.requireNonNull(run, "run");
        return start(() -> {
            run.run();
            return (Void) null;
        }, options);
    }

    /**
     * Makes a recurring schedule at run time, or changes the one of that name: from now on, each
     * fire time of {@code spec} starts one execution of the durable method called in {@code call},
     * with the same arguments, across all instances:
     * {@code stent.schedule("report-eu", ScheduleSpec.cron("0 6 * * MON").inZone(berlin), () -> reports.weekly("eu"))}.
     * A changed schedule keeps its next fire time unless its expression or zone changed. Pause,
     * resume, trigger and delete it through {@link io.stent.operations.StentOperations}.
     *
     * @param name the schedule's unique name, 1 to 150 characters without {@code /}
     * @param spec when it fires and its policies
     * @param call a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @return true if the schedule is new or changed
     * @throws io.stent.StentArgumentException for a bad name, cron expression or lambda
     */
    boolean schedule(String name, ScheduleSpec spec, DurableCall<?> call);

    /**
     * Makes or changes a schedule of a {@code void} durable method, see
     * {@link #schedule(String, ScheduleSpec, DurableCall)}.
     *
     * @param name the schedule's unique name
     * @param spec when it fires and its policies
     * @param run a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @return true if the schedule is new or changed
     */
    default boolean schedule(String name, ScheduleSpec spec, DurableRun run) {
        java.util.Objects.requireNonNull(run, "run");
        return schedule(name, spec, () -> {
            run.run();
            return (Void) null;
        });
    }

    /**
     * Starts an execution of a registered function by its name.
     *
     * @param functionName the function's {@link Durable#name() name}
     * @param args the arguments, matching the method's parameters
     * @return a handle on the new execution
     * @throws UnregisteredFunctionError if no function of that name is registered here
     */
    ExecutionHandle<Object> startByName(String functionName, Object... args);

    /**
     * Starts an execution of a registered function by its name, with options.
     *
     * @param functionName the function's {@link Durable#name() name}
     * @param options start options such as an idempotency key, a delay or a deadline
     * @param args the arguments, matching the method's parameters
     * @return a handle on the new execution, or on the earlier one with the same idempotency key
     * @throws UnregisteredFunctionError if no function of that name is registered here
     */
    ExecutionHandle<Object> startByName(String functionName, StartOptions options, Object... args);

    /**
     * Returns a handle on an existing execution.
     *
     * @param executionId the execution's id
     * @param resultType the execution's result type
     * @param <T> the result type
     * @return the handle
     * @throws ExecutionNotFoundException if there is no such execution
     */
    <T> ExecutionHandle<T> handle(String executionId, Class<T> resultType);

    /**
     * Sends a signal to an execution. It is kept until the workflow awaits a signal of that
     * name, so a signal sent before the workflow waits is not lost.
     *
     * @param executionId the execution
     * @param name the signal name
     * @param payload the payload (serialized with JSON-B), may be null
     * @throws ExecutionNotFoundException if there is no such execution
     * @throws ExecutionFinishedException if it has finished
     */
    void signal(String executionId, String name, Object payload);

    /**
     * Requests the cancel of an execution. One that has not started never runs; a running or
     * waiting one gets {@link ExecutionCancelledException} at its next durable call, may
     * compensate, and ends {@link ExecutionStatus#CANCELLED}. Cancelling twice is harmless.
     *
     * @param executionId the execution
     * @throws ExecutionNotFoundException if there is no such execution
     * @throws ExecutionFinishedException if it has finished otherwise
     */
    void cancel(String executionId);

    /**
     * Inside a workflow: waits durably. A short wait blocks; a longer one suspends the execution
     * (no thread, no lease held) and resumes it by replay when due, on any instance, after any
     * restart.
     *
     * @param duration how long, measured by the database clock
     * @throws io.stent.StentException outside a durable execution
     */
    void sleep(java.time.Duration duration);

    /**
     * Inside a workflow: waits for a signal of that name, suspending the execution while it
     * waits, and returns its payload. Each signal is consumed by one wait.
     *
     * @param name the signal name
     * @param type the payload type
     * @param timeout how long to wait, measured by the database clock
     * @param <T> the payload type
     * @return the payload
     * @throws SignalTimeoutException if no signal arrived in time
     * @throws io.stent.StentException outside a durable execution
     */
    <T> T awaitSignal(String name, Class<T> type, java.time.Duration timeout);

    /**
     * Inside a workflow: starts the durable method called in {@code call} as a child execution
     * (its own id and record, run by any worker, in parallel with the caller) and returns at once.
     * The start is recorded, so a replay returns the same child.
     *
     * @param call a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @param <T> the result type
     * @return the child's future
     * @throws io.stent.StentException outside a durable execution
     */
    <T> DurableFuture<T> async(DurableCall<T> call);

    /**
     * Inside a workflow: starts the {@code void} durable method called in {@code run} as a child
     * execution, see {@link #async(DurableCall)}.
     *
     * @param run a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @return the child's future; its result is null
     * @throws io.stent.StentException outside a durable execution
     */
    default DurableFuture<Void> async(DurableRun run) {
        java.util.Objects.requireNonNull(run, "run");
        return async(() -> {
            run.run();
            return (Void) null;
        });
    }

    /**
     * Inside a workflow: waits until every future's child has finished, suspending the execution
     * meanwhile. Results and failures are then read with {@link DurableFuture#get()}.
     *
     * @param futures the futures
     */
    void all(java.util.List<? extends DurableFuture<?>> futures);

    /**
     * Inside a workflow: waits until one of the futures' children has finished and returns that
     * future (the first in list order, if several have). The choice is recorded, so a replay
     * returns the same future.
     *
     * @param futures the futures, not empty
     * @param <T> the result type
     * @return the first finished future
     */
    <T> DurableFuture<T> any(java.util.List<? extends DurableFuture<T>> futures);

    /**
     * Where the current thread runs inside a durable execution, for logs and traces.
     *
     * @return the execution, task, function, attempt and step, or empty outside an execution
     */
    java.util.Optional<ExecutionInfo> currentExecution();

    /**
     * Tells whether the current thread runs inside a durable execution.
     *
     * @return true inside an execution
     */
    boolean inDurableContext();
}
