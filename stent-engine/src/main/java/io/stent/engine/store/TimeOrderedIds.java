package io.stent.engine.store;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for executions and tasks: UUIDs of version 7 (RFC 9562), whose first 48 bits are the time in
 * milliseconds and the rest random. Rows written at about the same time get neighbouring keys, so
 * the primary-key and step indexes take new entries on their last pages instead of at random
 * places all over them: fewer pages touched and written (and logged in full after a checkpoint) per
 * start, and the cost of a start does not grow with the size of the tables.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    /**
     * A new id.
     *
     * @return a version 7 UUID in its usual text form
     */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
