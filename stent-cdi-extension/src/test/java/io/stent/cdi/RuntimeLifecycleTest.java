package io.stent.cdi;

import io.stent.store.TestDatabase;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stopped runtime refuses new work instead of quietly starting a new engine while the
 * application shuts down.
 */
class RuntimeLifecycleTest {

    @Test
    void afterStop_durableCallsAreRefused_notRestarted() {
        TestDatabase database = TestDatabase.h2();
        TestEnvironment.dataSource = database.dataSource();
        try (WeldContainer container = MinimalContainer.start()) {
            StentRuntime runtime = container.select(StentRuntime.class).get();
            assertTrue(runtime.engine().worker().isAlive());
            runtime.stop();
            IllegalStateException refused = assertThrows(IllegalStateException.class, runtime::engine);
            assertTrue(refused.getMessage().contains("STENT-1604"), refused.getMessage());
            Steps steps = container.select(Steps.class).get();
            assertThrows(IllegalStateException.class, () -> steps.reserve("late"));
        } finally {
            database.close();
        }
    }
}
