package io.stent.engine;

/**
 * Carries a failure of the server or the infrastructure out of a workflow body, past the
 * application's {@code catch (Exception e)} blocks: it ends the task's attempt without spending
 * it, and the application never mistakes it for a business failure it could compensate.
 */
final class InfrastructureFailure extends Error {

    private static final long serialVersionUID = 1L;

    InfrastructureFailure(Throwable cause) {
        super(EngineMessages.INFRASTRUCTURE_FAILURE.format(cause), cause);
    }

    /** Rethrows a failure wrapped when it is the server's or the infrastructure's, as it is otherwise. */
    static Exception wrapIfInfrastructure(Exception failure) {
        if (InfrastructureFailures.test(failure)) {
            throw new InfrastructureFailure(failure);
        }
        return failure;
    }
}
