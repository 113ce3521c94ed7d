package io.stent.cdi;

import io.stent.store.TestDatabase;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up has one owner, the runtime: a stopped runtime refuses new work instead of quietly
 * starting a new engine while the application shuts down, and a runtime whose database was down
 * at start starts by itself once it is back, while health checks only report.
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
            io.stent.StentException refused = assertThrows(io.stent.StentException.class, runtime::engine);
            assertTrue(refused.getMessage().contains("STENT-1604"), refused.getMessage());
            Steps steps = container.select(Steps.class).get();
            assertThrows(io.stent.StentException.class, () -> steps.reserve("late"));
        } finally {
            database.close();
        }
    }

    @Test
    void databaseDownAtStart_readinessStaysDownWithoutStartingAnything_andTheRuntimeStartsOnceItIsBack()
            throws Exception {
        TestDatabase database = TestDatabase.h2();
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        javax.sql.DataSource real = database.dataSource();
        TestEnvironment.dataSource = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new java.sql.SQLTransientConnectionException("connection refused", "08001");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (WeldContainer container = MinimalContainer.start()) {
            StentExtension extension = container.select(StentExtension.class).get();
            for (int i = 0; i < 3; i++) {
                StentHealth readiness = extension.readiness();
                assertFalse(readiness.up());
                assertTrue(String.valueOf(readiness.data().get("error")).contains("STENT-1606"), readiness.data()
                        .toString());
                assertTrue(String.valueOf(readiness.data().get("error")).contains("connection refused"));
            }
            down.set(false);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            // Only liveness is read now, which starts nothing: the runtime starts by itself.
            while (!"claiming".equals(extension.liveness().data().get("worker"))) {
                assertTrue(System.nanoTime() < deadline, "the worker never claimed: " + extension.liveness().data());
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            }
            assertTrue(extension.readiness().up(), extension.readiness().data().toString());
            assertEquals("R-back", container.select(Steps.class).get().reserve("back"));
        } finally {
            database.close();
        }
    }
}
