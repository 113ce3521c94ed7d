package io.stent;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Raised when a function is started or resumed by a name that this deployment did not register.
 */
public class UnregisteredFunctionError extends StentException {

    private static final long serialVersionUID = 1L;

    private final String functionName;

    /**
     * Creates the error.
     *
     * @param functionName the name that was asked for
     * @param registered the names that are registered
     */
    public UnregisteredFunctionError(String functionName, Collection<String> registered) {
        super(ApiMessages.UNREGISTERED_FUNCTION, functionName, new TreeSet<>(registered));
        this.functionName = functionName;
    }

    /**
     * The name that was asked for.
     *
     * @return the function name
     */
    public String functionName() {
        return functionName;
    }
}
