package io.stent.engine;

import io.stent.StartOptions;
import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.NewExecution;

import java.util.UUID;

/**
 * Persists a new execution with its root task in one transaction, then wakes the local worker.
 * Arguments are serialized in the caller's thread so that a bad argument fails the caller.
 */
final class ExecutionStarter {

    private final ExecutionStore executions;
    private final ArgumentCodec arguments;
    private final TransactionBoundary boundary;
    private final Wakeups wakeups;

    ExecutionStarter(ExecutionStore executions, ArgumentCodec arguments, TransactionBoundary boundary,
                     Wakeups wakeups) {
        this.executions = executions;
        this.arguments = arguments;
        this.boundary = boundary;
        this.wakeups = wakeups;
    }

    String start(FunctionDefinition function, Object[] args, StartOptions options) {
        String arguments = serializeArguments(function, args);
        NewExecution execution = new NewExecution(UUID.randomUUID().toString(), function.name(),
                function.version(), function.queue(), arguments, options.idempotencyKey().orElse(null),
                options.delay(), options.deadline().orElse(null), null, null,
                options.priority().orElse(function.routing().priority()));
        String id = boundary.outside(() -> executions.create(execution));
        wakeups.workAvailable();
        return id;
    }

    /**
     * Starts a child execution with an id derived from its parent and position, so that a replay
     * of the start finds the same child instead of starting another.
     */
    String startChild(FunctionDefinition function, Object[] args, String parentId, String position) {
        String arguments = serializeArguments(function, args);
        String id = UUID.nameUUIDFromBytes((parentId + "/" + position).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        NewExecution child = new NewExecution(id, function.name(), function.version(), function.queue(), arguments,
                null, java.time.Duration.ZERO, null, parentId, position, function.routing().priority());
        boundary.outside(() -> executions.create(child));
        wakeups.workAvailable();
        return id;
    }

    private String serializeArguments(FunctionDefinition function, Object[] args) {
        return arguments.encode(function, args);
    }
}
