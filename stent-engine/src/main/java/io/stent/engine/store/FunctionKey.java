package io.stent.engine.store;

/**
 * A function at one version: what a worker can claim.
 *
 * @param name the function name
 * @param version the version of recorded executions
 */
public record FunctionKey(String name, int version) {
}
