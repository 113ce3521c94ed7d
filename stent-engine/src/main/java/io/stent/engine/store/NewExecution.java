package io.stent.engine.store;

/**
 * An execution to persist together with its root task.
 *
 * @param id the new execution id
 * @param functionName the root function
 * @param functionVersion the root function's version
 * @param queue the queue of the root task
 * @param arguments the serialized arguments
 * @param idempotencyKey the idempotency key, or null
 */
public record NewExecution(String id, String functionName, int functionVersion, String queue, String arguments,
                           String idempotencyKey) {
}
