package io.stent.engine.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Results cached by key for a while, shared by all instances.
 */
public interface ResultCache {

    /**
     * Reads a cached result that has not expired (database clock).
     *
     * @param key the cache key
     * @return the serialized result, if cached
     */
    Optional<String> get(String key);

    /**
     * Caches a result, replacing an older entry of the key.
     *
     * @param key the cache key
     * @param function the function it belongs to
     * @param result the serialized result
     * @param ttl how long it stays valid
     */
    void put(String key, String function, String result, Duration ttl);
}
