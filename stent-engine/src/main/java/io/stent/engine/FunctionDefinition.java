package io.stent.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * Everything the engine needs to start, run and replay one durable function, resolved once at
 * deployment.
 *
 * @param name the stable persisted name
 * @param version the code version
 * @param queue the queue its tasks go to
 * @param retry the retry policy
 * @param timeout the longest a step attempt may run, or null for no limit
 * @param routing priority, required tags and concurrency limit
 * @param compatibleVersions older versions whose executions this code can also replay
 * @param method the Java method
 * @param target an opaque handle the {@link FunctionInvoker} uses to find the bean
 */
public record FunctionDefinition(String name, int version, String queue, RetryPolicy retry,
                                 java.time.Duration timeout, Routing routing, java.util.Set<Integer> compatibleVersions,
                                 Method method, Object target) {

    /** Copies the versions. */
    public FunctionDefinition {
        compatibleVersions = java.util.Set.copyOf(compatibleVersions);
    }

    /**
     * The versions of recorded executions this code runs: its own and the compatible ones.
     *
     * @return the versions
     */
    public java.util.Set<Integer> runsVersions() {
        java.util.Set<Integer> versions = new java.util.TreeSet<>(compatibleVersions);
        versions.add(version);
        return versions;
    }

    /**
     * How long results of this function are cached.
     *
     * @return the time-to-live, or null when not cached
     */
    public java.time.Duration cacheFor() {
        return routing.cacheFor();
    }

    /**
     * How a function's tasks are routed and limited.
     *
     * @param priority the default priority
     * @param tags the tags a worker needs
     * @param maxConcurrent the most running at once across instances, 0 for no limit
     * @param cacheFor how long results are cached, or null when not cached
     */
    public record Routing(int priority, java.util.Set<String> tags, int maxConcurrent, java.time.Duration cacheFor) {

        /** No tags, no limit, priority 0, no caching. */
        public static final Routing DEFAULT = new Routing(0, java.util.Set.of(), 0, null);

        /**
         * Routing without caching.
         *
         * @param priority the default priority
         * @param tags the tags a worker needs
         * @param maxConcurrent the concurrency limit, 0 for none
         */
        public Routing(int priority, java.util.Set<String> tags, int maxConcurrent) {
            this(priority, tags, maxConcurrent, null);
        }

        /** Validates the routing. */
        public Routing {
            tags = java.util.Set.copyOf(tags);
            if (maxConcurrent < 0) {
                throw new IllegalArgumentException("maxConcurrent must be 0 (no limit) or positive, got "
                        + maxConcurrent);
            }
        }
    }

    /**
     * The generic parameter types, for serialization.
     *
     * @return the parameter types
     */
    public Type[] parameterTypes() {
        return method.getGenericParameterTypes();
    }

    /**
     * The generic result type, for serialization.
     *
     * @return the result type
     */
    public Type resultType() {
        return method.getGenericReturnType();
    }

    /**
     * A readable description for messages: name and Java method.
     *
     * @return the description
     */
    public String describe() {
        return "'" + name + "' (" + method.getDeclaringClass().getName() + "." + method.getName() + ")";
    }
}
