package io.stent.engine;

import io.stent.UnregisteredFunctionError;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable functions one deployment registered. Built once at deployment and read-only after;
 * each deployment has its own.
 */
public final class FunctionRegistry {

    private final Map<String, FunctionDefinition> byName = new LinkedHashMap<>();
    private final Map<Method, FunctionDefinition> byMethod = new LinkedHashMap<>();

    /**
     * Creates the registry.
     *
     * @param functions the definitions; names must be unique
     * @throws IllegalArgumentException on a duplicate name
     */
    public FunctionRegistry(Collection<FunctionDefinition> functions) {
        for (FunctionDefinition function : functions) {
            FunctionDefinition clash = byName.putIfAbsent(function.name(), function);
            if (clash != null) {
                throw new IllegalArgumentException("STENT-1002 two durable functions are named '" + function.name()
                        + "': " + clash.describe() + " and " + function.describe());
            }
            byMethod.put(function.method(), function);
        }
    }

    /**
     * Looks a function up by name.
     *
     * @param name the function name
     * @return the definition
     * @throws UnregisteredFunctionError if there is none
     */
    public FunctionDefinition require(String name) {
        FunctionDefinition function = byName.get(name);
        if (function == null) {
            throw new UnregisteredFunctionError(name, byName.keySet());
        }
        return function;
    }

    /**
     * Looks a function up by its Java method.
     *
     * @param method the method
     * @return the definition, if the method is durable
     */
    public Optional<FunctionDefinition> forMethod(Method method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    /**
     * The registered names, in registration order.
     *
     * @return the names
     */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(byName.keySet());
    }

    /**
     * All definitions.
     *
     * @return the definitions
     */
    public List<FunctionDefinition> all() {
        return List.copyOf(byName.values());
    }
}
