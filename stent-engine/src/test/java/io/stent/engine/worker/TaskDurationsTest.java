package io.stent.engine.worker;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskDurationsTest {

    @Test
    void unknownTasks_countAsLong_soNothingIsClaimedAheadAtFirst() {
        assertFalse(new TaskDurations().areShort());
    }

    @Test
    void shortTasks_becomeShort_andLongOnesTurnItBack() {
        TaskDurations durations = new TaskDurations();
        for (int i = 0; i < 20; i++) {
            durations.add(TimeUnit.MICROSECONDS.toNanos(200));
        }
        assertTrue(durations.areShort());
        for (int i = 0; i < 20; i++) {
            durations.add(TimeUnit.SECONDS.toNanos(2));
        }
        assertFalse(durations.areShort(), "a run of long tasks stops the claiming ahead");
    }
}
