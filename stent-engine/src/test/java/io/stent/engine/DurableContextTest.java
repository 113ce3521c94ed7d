package io.stent.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurableContextTest {

    private static FunctionDefinition function(String name) throws Exception {
        return new FunctionDefinition(name, 1, "default", new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO,
                List.of(Exception.class), List.of()), null, FunctionDefinition.Routing.DEFAULT, java.util.Set.of(),
                Object.class.getMethod("toString"), null);
    }

    private static ExecutionState state() {
        return new ExecutionState("e1", java.time.OffsetDateTime.now(), null, false);
    }

    @Test
    void rootBody_runsOnce_thenEveryCallIsAStep() throws Exception {
        FunctionDefinition root = function("root");
        DurableContext context = DurableContext.forRoot("e1", root, state());
        assertTrue(context.takeBody(root));
        assertFalse(context.takeBody(root), "a second call of the same function is a step");
    }

    @Test
    void sequenceNumbers_andPaths_nestUnderTheirParent() throws Exception {
        DurableContext root = DurableContext.forRoot("e1", function("root"), state());
        assertEquals(1, root.nextSeq());
        assertEquals(2, root.nextSeq());
        DurableContext child = root.child(2);
        assertEquals("2", child.path());
        assertEquals(1, child.nextSeq());
        assertEquals("2.1", child.stepPath(1));
        assertEquals("2.1", child.child(1).path());
        assertEquals("e1", child.executionId());
    }

    @Test
    void recordedStepFailure_isFinal_evenWhenWrapped() throws Exception {
        DurableContext context = DurableContext.forRoot("e1", function("root"), state());
        RuntimeException recorded = new IllegalStateException("step failed");
        context.noteRecordedStepFailure(recorded);
        assertTrue(context.isFinal(recorded));
        assertTrue(context.isFinal(new RuntimeException("wrapped", recorded)));
        assertFalse(context.isFinal(new IllegalStateException("other")));
    }
}
