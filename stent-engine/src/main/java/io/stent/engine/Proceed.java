package io.stent.engine;

/**
 * Runs an intercepted method's body.
 */
@FunctionalInterface
public interface Proceed {

    /**
     * Runs the body.
     *
     * @return its result
     * @throws Exception what it threw
     */
    Object proceed() throws Exception;
}
