package io.stent.engine.store;

import java.util.List;

/**
 * Functions a worker claims together under the same limits. A group without limits is claimed
 * freely; a limited group's claims serialize on its limits' lock rows, so limits hold across all
 * instances.
 *
 * @param functions the functions and versions
 * @param concurrency concurrency limits that apply to all of them
 * @param rate a rate limit that applies to all of them, or null
 */
public record ClaimGroup(List<FunctionKey> functions, List<ConcurrencyLimit> concurrency, RateLimit rate) {

    /** Copies the lists. */
    public ClaimGroup {
        functions = List.copyOf(functions);
        concurrency = List.copyOf(concurrency);
    }

    /**
     * Tells whether claims of this group must respect limits.
     *
     * @return true if it has a concurrency or rate limit
     */
    public boolean limited() {
        return !concurrency.isEmpty() || rate != null;
    }

    /**
     * The most tasks running at once in a scope: one function, or one queue.
     *
     * @param key the lock row's name
     * @param max the limit
     * @param function the limited function, or null
     * @param queue the limited queue, or null
     */
    public record ConcurrencyLimit(String key, int max, String function, String queue) {
    }

    /**
     * A token bucket over task starts of a queue: {@code perSecond} tokens a second, at most
     * {@code burst} saved up.
     *
     * @param key the lock row's name
     * @param perSecond the rate
     * @param burst the bucket size
     */
    public record RateLimit(String key, double perSecond, double burst) {
    }
}
