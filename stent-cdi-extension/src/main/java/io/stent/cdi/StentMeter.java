package io.stent.cdi;

/**
 * Where Stent's measurements go: counters and timers of a metrics library. {@link MetricsListener}
 * and {@link TimedClaims} feed it; the MicroProfile Metrics binding implements it.
 */
interface StentMeter {

    /** A worker started a task of {@code function}. */
    void taskStarted(String function);

    /** A task of {@code function} ended with {@code outcome} (COMPLETED, RETRY, FAILED, ...). */
    void taskFinished(String function, String outcome);

    /** A step attempt of {@code function} ran for {@code nanos}. */
    void stepFinished(String function, long nanos);

    /** A claim statement took {@code nanos}. */
    void claimed(long nanos);

    /**
     * The retention job on this instance deleted {@code count} more rows of a kind.
     *
     * @param kind executions, dead-letters, audit-rows or cache-entries
     * @param count how many more
     */
    void retentionDeleted(String kind, long count);

    /** Executions that no live instance can run, by {@code function@version} (replaces the last counts). */
    void unrunnable(java.util.Map<String, Long> byFunctionAndVersion);
}
