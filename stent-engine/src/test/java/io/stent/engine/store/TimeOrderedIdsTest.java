package io.stent.engine.store;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    @Test
    void ids_areVersion7Uuids_unique_andOrderedByTheirMillisecond() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertEquals(100_000, ids.size(), "no id twice");
        UUID id = UUID.fromString(TimeOrderedIds.next());
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 5_000, "the first 48 bits are the time");

        String earlier = TimeOrderedIds.next();
        long until = System.nanoTime() + 3_000_000L;
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
        String later = TimeOrderedIds.next();
        assertTrue(earlier.compareTo(later) < 0, "an id of a later millisecond sorts after (byte order, as the"
                + " database compares them): " + earlier + " " + later);
    }
}
