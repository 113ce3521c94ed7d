package io.stent.engine;

/**
 * Calls a durable function's bean the way the container would, so that its interceptors
 * (transactions, security, Stent's own) apply. The CDI runtime implements it with a contextual
 * reference; tests call the method directly.
 */
public interface FunctionInvoker {

    /**
     * Invokes the function.
     *
     * @param function the function
     * @param args the deserialized arguments
     * @return the result
     * @throws Exception what the method threw, unwrapped
     */
    Object invoke(FunctionDefinition function, Object[] args) throws Exception;
}
