package io.stent.engine.worker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerCapacityTest {

    @Test
    void reservation_takesAThreadAndASlot_andGivesBothBack() {
        WorkerCapacity capacity = new WorkerCapacity(1, 32);
        assertTrue(capacity.tryReserve());
        assertFalse(capacity.tryReserve(), "its one thread is reserved");
        capacity.cancelReservation();
        assertTrue(capacity.tryReserve());
    }

    @Test
    void claims_coverFreeThreadsOnly_untilTasksShowTheyAreShort_thenClaimAhead() throws Exception {
        WorkerCapacity capacity = new WorkerCapacity(2, 32);
        assertEquals(2, capacity.takeClaimRoom(false, WorkerCapacity.WAIT_SLICE_MILLIS), "unknown tasks count as long: one per free thread");
        capacity.unclaimed(2);
        for (int i = 0; i < 30; i++) {
            assertTrue(capacity.tryTakeThread());
            capacity.hold().bodyDone();
        }
        assertEquals(8, capacity.takeClaimRoom(false, WorkerCapacity.WAIT_SLICE_MILLIS), "short tasks: up to four times the threads");
    }

    @Test
    void waitingTasks_getOneRunnerPerThread_whileTasksAreLong_andFewRunnersOnceTheyAreShort() {
        WorkerCapacity capacity = new WorkerCapacity(16, 32);
        assertEquals(16, capacity.runnersFor(32), "unknown tasks count as long: a thread each");
        assertEquals(3, capacity.runnersFor(3), "never more runners than waiting tasks need");
        for (int i = 0; i < 200; i++) {
            assertTrue(capacity.tryTakeThread());
            capacity.hold().bodyDone(); // microseconds each
        }
        assertEquals(1, capacity.runnersFor(32), "32 tasks of microseconds: one thread works them off");
        assertEquals(1, capacity.runnersFor(0), "at least one runner");
    }

    @Test
    void aTasksBodyDone_freesItsThreadAndSlotOnce() {
        WorkerCapacity capacity = new WorkerCapacity(1, 32);
        assertTrue(capacity.tryTakeThread());
        assertFalse(capacity.tryTakeThread(), "the task holds the only thread");
        WorkerCapacity.TaskHold hold = capacity.hold();
        assertFalse(capacity.tryReserve(), "the task holds the only thread");
        hold.bodyDone();
        hold.bodyDone();
        assertTrue(capacity.tryReserve());
        assertFalse(capacity.tryReserve(), "a second bodyDone freed nothing more");
    }

    @Test
    void claimSize_isTheLargestFewSizesValueThatFits() {
        int[][] cases = {{1, 1}, {3, 3}, {4, 4}, {5, 4}, {6, 6}, {7, 6}, {8, 8}, {11, 8}, {12, 12}, {15, 12},
            {16, 16}, {23, 16}, {24, 24}, {31, 24}, {32, 32}, {47, 32}, {48, 48}, {64, 64}};
        for (int[] c : cases) {
            assertEquals(c[1], WorkerCapacity.claimSize(c[0]), "room for " + c[0]);
        }
        assertEquals(0, WorkerCapacity.claimSize(0));
    }
}
