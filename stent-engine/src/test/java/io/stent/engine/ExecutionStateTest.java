package io.stent.engine;

import io.stent.ExecutionCancelledException;
import io.stent.ExecutionExpiredException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionStateTest {

    private static final OffsetDateTime CLAIMED = OffsetDateTime.parse("2026-01-01T10:00:00Z");

    @Test
    void cancel_isDeliveredOnce_soTheWorkflowCanCompensate() {
        ExecutionState state = new ExecutionState("e1", CLAIMED, null, false);
        assertDoesNotThrow(state::checkInterrupts);
        state.requestCancel();
        assertThrows(ExecutionCancelledException.class, state::checkInterrupts);
        assertDoesNotThrow(state::checkInterrupts, "compensating calls run");
        assertTrue(state.cancelRequested());
    }

    @Test
    void cancelRequestedAtClaim_stopsTheFirstNewCall() {
        ExecutionState state = new ExecutionState("e1", CLAIMED, null, true);
        assertThrows(ExecutionCancelledException.class, state::checkInterrupts);
    }

    @Test
    void deadlineInThePast_expiresEveryNewCall() {
        ExecutionState state = new ExecutionState("e1", CLAIMED, CLAIMED.minusSeconds(1), false);
        assertTrue(state.pastDeadline());
        assertThrows(ExecutionExpiredException.class, state::checkInterrupts);
        assertThrows(ExecutionExpiredException.class, state::checkInterrupts);
    }

    @Test
    void deadlineBoundary_isPastExactlyAtTheDeadline() {
        assertTrue(new ExecutionState("e1", CLAIMED, CLAIMED, false).pastDeadline(), "at the deadline");
        assertFalse(new ExecutionState("e1", CLAIMED, CLAIMED.plusHours(1), false).pastDeadline());
    }

    @Test
    void waits_wakeAtTheDeadlineWhenItComesFirst() {
        ExecutionState state = new ExecutionState("e1", CLAIMED, CLAIMED.plusMinutes(5), false);
        assertEquals(CLAIMED.plusMinutes(5), state.wakeBefore(CLAIMED.plusHours(1)));
        assertEquals(CLAIMED.plusMinutes(1), state.wakeBefore(CLAIMED.plusMinutes(1)));
        ExecutionState unbounded = new ExecutionState("e1", CLAIMED, null, false);
        assertEquals(CLAIMED.plusHours(1), unbounded.wakeBefore(CLAIMED.plusHours(1)));
    }

    @Test
    void now_advancesFromTheDatabaseTimeOfTheClaim() {
        ExecutionState state = new ExecutionState("e1", CLAIMED, null, false);
        assertFalse(state.now().isBefore(CLAIMED));
        assertTrue(state.now().isBefore(CLAIMED.plusMinutes(1)));
    }
}
