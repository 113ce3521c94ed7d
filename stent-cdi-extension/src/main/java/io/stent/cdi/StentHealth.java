package io.stent.cdi;

import java.util.Map;

/**
 * One health reading of a deployment's Stent, free of any health API: whether it is up and what
 * it found. The MicroProfile Health checks report it where that API is present.
 *
 * @param up whether the checked part works
 * @param data what was found (versions, clock drift, the error), in a stable order
 */
public record StentHealth(boolean up, Map<String, Object> data) {

    /** The name of the readiness check: the database is reachable and its schema current. */
    public static final String STORE = "stent-store";
    /** The name of the liveness check: the worker's claim loops are alive. */
    public static final String WORKER = "stent-worker";

    /**
     * Copies the data.
     *
     * @param up whether the checked part works
     * @param data what was found
     */
    public StentHealth {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
