package io.stent.engine.store;

/**
 * A task a worker claimed, with what it needs to run it.
 *
 * @param id the task id
 * @param executionId its execution
 * @param functionName the function to run
 * @param attempt this attempt's number, from 1
 * @param arguments the serialized arguments
 */
public record ClaimedTask(String id, String executionId, String functionName, int attempt, String arguments) {
}
