package io.stent.engine;

import io.stent.StartOptions;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.FunctionKey;
import io.stent.engine.store.NewExecution;
import io.stent.engine.worker.Worker;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Persists a new execution with its root task in one transaction. Arguments are serialized in
 * the caller's thread so that a bad argument fails the caller.
 * <p>
 * A start inside the caller's transaction (not a direct call, which waits for the result) is
 * written in that transaction, and takes effect when it commits.
 * <p>
 * When this instance's worker runs the function without limits, has a free thread and no due
 * work waiting, the root task is written already claimed by this worker and handed to that thread
 * at once: no trip through the queue, no wake-up, no claim. Otherwise it is queued after its commit;
 * the local worker is woken and the other instances are told (the store may send one announcement
 * for many starts, so that starts do not queue behind each other's notifications).
 */
final class ExecutionStarter {

    /**
     * A started execution.
     *
     * @param id the execution id
     * @param localRun when it was watched and runs here: completes when that run ends (see
     *     {@link LocalRuns#watch}); otherwise null
     */
    record Started(String id, CompletableFuture<ExecutionRecord> localRun) {
    }

    /**
     * One start of a batch.
     *
     * @param function the function
     * @param args its arguments
     * @param options the start's options
     */
    record Request(FunctionDefinition function, Object[] args, StartOptions options) {
    }

    private final ExecutionStore executions;
    private final ArgumentCodec arguments;
    private final TransactionBoundary boundary;
    private final Wakeups wakeups;
    private final io.stent.engine.store.WakeupSource otherInstances;
    private final Worker worker;
    /**
     * Top-level starts outside transactions, group-committed: up to 100 per statement and commit,
     * two batches in flight (with more, batches stay small and each costs a commit).
     */
    private final GroupCommit<NewExecution, String> batcher;
    private final LocalRuns localRuns;
    private final String owner;
    private final Duration lease;
    private final boolean joinCallerTransactions;
    private final boolean strictKeys;
    /** The W3C traceparent of the calling thread's span, or null: stored with each start. */
    private final java.util.function.Supplier<String> traceContext;

    ExecutionStarter(ExecutionStore executions, ArgumentCodec arguments, TransactionBoundary boundary,
                     Wakeups wakeups, io.stent.engine.store.WakeupSource otherInstances, Worker worker,
                     LocalRuns localRuns, EngineSettings settings,
                     java.util.function.Supplier<String> traceContext) {
        this.traceContext = traceContext;
        this.executions = executions;
        this.arguments = arguments;
        this.boundary = boundary;
        this.wakeups = wakeups;
        this.otherInstances = otherInstances;
        this.batcher = new GroupCommit<>(2, 100, executions::create, executions::createAll);
        this.worker = worker;
        this.localRuns = localRuns;
        this.owner = settings.workerId();
        this.lease = settings.lease();
        this.joinCallerTransactions = settings.joinStartTransactions();
        this.strictKeys = settings.values().strictIdempotencyKeys();
    }

    /**
     * Makes sure that an execution found by its idempotency key is the same call: the same function
     * with the same arguments (compared in their stored form). Another call under the same key is
     * a bug that returning the earlier execution would hide.
     */
    private String sameCall(String id, NewExecution execution) {
        if (id.equals(execution.id()) || execution.idempotencyKey() == null || !strictKeys) {
            return id;
        }
        ExecutionRecord earlier = boundary.outside(() -> executions.find(id)).orElse(null);
        if (earlier == null) {
            return id; // removed meanwhile (retention): nothing to compare
        }
        if (!earlier.functionName().equals(execution.functionName())) {
            throw new io.stent.IdempotencyKeyConflictException(execution.idempotencyKey(), id, "it runs "
                    + earlier.functionName() + ", this start calls " + execution.functionName());
        }
        if (!java.util.Objects.equals(earlier.arguments(), execution.arguments())) {
            throw new io.stent.IdempotencyKeyConflictException(execution.idempotencyKey(), id, "it was started with"
                    + " the arguments " + abbreviate(earlier.arguments()) + ", this start passes "
                    + abbreviate(execution.arguments()));
        }
        return id;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /**
     * After a commit that queued work (a start here, a schedule's fire): wakes this instance's
     * worker and tells the others.
     */
    void announceWork() {
        wakeups.workAvailable();
        otherInstances.announceWork();
    }

    String start(FunctionDefinition function, Object[] args, StartOptions options) {
        return start(function, args, options, false).id();
    }

    /**
     * Starts an execution.
     *
     * @param watch whether the caller waits for it here, so a local run should hand it the outcome
     */
    /** A new top-level execution; its arguments are encoded here, in the caller's thread. */
    private NewExecution execution(FunctionDefinition function, Object[] args, StartOptions options) {
        String encoded = arguments.encode(function, args);
        return new NewExecution(io.stent.engine.store.TimeOrderedIds.next(), function.name(),
                function.version(), function.queue(), encoded, options.idempotencyKey().orElse(null),
                options.delay(), options.deadline().orElse(null), null, null,
                options.priority().orElse(function.routing().priority()), function.routing().tags(),
                traceContext.get());
    }

    /**
     * Starts a batch: in the caller's transaction when there is one (and starts join it),
     * otherwise in one transaction of its own.
     *
     * @return the ids, in the order of the requests
     */
    java.util.List<String> startAll(java.util.List<Request> requests) {
        if (requests.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<NewExecution> batch = requests.stream()
                .map(request -> execution(request.function(), request.args(), request.options())).toList();
        java.util.List<String> ids;
        if (joinCallerTransactions && boundary.inTransaction()) {
            ids = executions.createAllInCurrentTransaction(batch);
            boundary.afterCompletion(committed -> {
                if (committed) {
                    announceWork();
                }
            });
        } else {
            ids = boundary.outside(() -> executions.createAll(batch));
            announceWork();
        }
        java.util.List<String> checked = new java.util.ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            checked.add(sameCall(ids.get(i), batch.get(i)));
        }
        return checked;
    }

    Started start(FunctionDefinition function, Object[] args, StartOptions options, boolean watch) {
        NewExecution execution = execution(function, args, options);
        if (!watch && joinCallerTransactions && boundary.inTransaction()) {
            // A transactional outbox: the execution exists if and when the caller's transaction
            // commits, and never if it rolls back. A direct call, which waits for the result, cannot.
            String id = sameCall(executions.createInCurrentTransaction(execution), execution);
            boundary.afterCompletion(committed -> {
                if (committed) {
                    announceWork();
                }
            });
            return new Started(id, null);
        }
        if (execution.delay().isZero() && worker.tryReserve(new FunctionKey(function.name(), function.version()))) {
            Optional<Started> started = startHere(execution, watch);
            if (started.isPresent()) {
                return started.get();
            }
        }
        // Written with the other starts of this moment (one commit for several), then announced.
        String id = sameCall(boundary.outside(() -> batcher.write(execution)), execution);
        announceWork();
        return new Started(id, null);
    }

    /**
     * Writes the execution claimed by this worker and runs it on the reserved thread; empty (with
     * the reservation given back) when its idempotency key belongs to an earlier execution.
     */
    private Optional<Started> startHere(NewExecution execution, boolean watch) {
        CompletableFuture<ExecutionRecord> run = watch ? localRuns.watch(execution.id()) : null;
        Optional<ClaimedTask> task;
        try {
            task = boundary.outside(() -> executions.createClaimed(execution, owner, lease));
        } catch (RuntimeException e) {
            worker.cancelReservation();
            localRuns.forget(execution.id());
            throw e;
        }
        if (task.isEmpty()) {
            worker.cancelReservation();
            localRuns.forget(execution.id());
            return Optional.empty();
        }
        if (!worker.runReserved(task.get())) {
            // the worker stopped meanwhile and released it: a waiter learns the end from the database
            localRuns.ended(execution.id(), null);
        }
        return Optional.of(new Started(execution.id(), run));
    }

    /**
     * Starts a child execution with an id derived from its parent and position, so that a replay
     * of the start finds the same child instead of starting another. Children always go through
     * the queue, so that a fan-out spreads over all instances.
     */
    String startChild(FunctionDefinition function, Object[] args, String parentId, String position) {
        String encoded = arguments.encode(function, args);
        String id = UUID.nameUUIDFromBytes((parentId + "/" + position).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        NewExecution child = new NewExecution(id, function.name(), function.version(), function.queue(), encoded,
                null, java.time.Duration.ZERO, null, parentId, position, function.routing().priority(),
                function.routing().tags(), traceContext.get());
        boundary.outside(() -> executions.create(child));
        announceWork();
        return id;
    }
}
