package io.stent.engine;

import io.stent.UnregisteredFunctionError;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The durable functions one deployment registered, by name and version. Built once at deployment
 * and read-only after; each deployment has its own. A name may have several versions; new starts
 * of a name use its highest version, and a recorded execution runs on the definition that runs
 * its version.
 */
public final class FunctionRegistry {

    private final Map<String, TreeMap<Integer, FunctionDefinition>> byName = new LinkedHashMap<>();
    private final Map<Method, FunctionDefinition> byMethod = new LinkedHashMap<>();
    private final List<FunctionDefinition> all = new ArrayList<>();

    /**
     * Creates the registry.
     *
     * @param functions the definitions
     * @throws io.stent.StentArgumentException if two definitions of one name run the same version
     */
    public FunctionRegistry(Collection<FunctionDefinition> functions) {
        for (FunctionDefinition function : functions) {
            TreeMap<Integer, FunctionDefinition> versions = byName.computeIfAbsent(function.name(),
                    name -> new TreeMap<>());
            for (Integer version : function.runsVersions()) {
                FunctionDefinition clash = versions.putIfAbsent(version, function);
                if (clash != null) {
                    throw new io.stent.StentArgumentException(EngineMessages.DUPLICATE_FUNCTION, function.name(),
                            version, clash.describe(), function.describe());
                }
            }
            byMethod.put(function.method(), function);
            all.add(function);
        }
    }

    /**
     * Whether a function of this name is registered here.
     *
     * @param name the function name
     * @return true if some version of it is
     */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * The definition new executions of a name start on: its highest version.
     *
     * @param name the function name
     * @return the definition
     * @throws UnregisteredFunctionError if there is none
     */
    public FunctionDefinition require(String name) {
        TreeMap<Integer, FunctionDefinition> versions = byName.get(name);
        if (versions == null) {
            throw new UnregisteredFunctionError(name, byName.keySet());
        }
        FunctionDefinition latest = versions.lastEntry().getValue();
        for (FunctionDefinition candidate : versions.values()) {
            if (candidate.version() > latest.version()) {
                latest = candidate;
            }
        }
        return latest;
    }

    /**
     * The definition that runs recorded executions of a name and version.
     *
     * @param name the function name
     * @param version the recorded version
     * @return the definition
     * @throws UnregisteredFunctionError if no definition here runs that version
     */
    public FunctionDefinition require(String name, int version) {
        FunctionDefinition function = Optional.ofNullable(byName.get(name)).map(v -> v.get(version)).orElse(null);
        if (function == null) {
            throw new UnregisteredFunctionError(name + " version " + version, keys());
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
        return Collections.unmodifiableSet(byName.keySet());
    }

    /**
     * All definitions, in registration order.
     *
     * @return the definitions
     */
    public List<FunctionDefinition> all() {
        return List.copyOf(all);
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        byName.forEach((name, versions) -> versions.keySet().forEach(v -> keys.add(name + " version " + v)));
        return keys;
    }
}
