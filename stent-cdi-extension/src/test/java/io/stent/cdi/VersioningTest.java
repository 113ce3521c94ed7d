package io.stent.cdi;

import io.stent.ExecutionStatus;
import io.stent.Stent;
import io.stent.cdi.versioned.OrdersV1;
import io.stent.cdi.versioned.OrdersV2;
import io.stent.store.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Deploying a new version of a workflow never strands or corrupts executions in flight: they run
 * only on code that declares their version, and complete there.
 */
abstract class VersioningTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestDatabase database = createDatabase();

    abstract TestDatabase createDatabase();

    @AfterEach
    void drop() {
        database.close();
    }

    private WeldContainer deploy(Class<?>... workflows) {
        TestEnvironment.dataSource = database.dataSource();
        return new Weld().disableDiscovery().addExtension(new StentExtension())
                .addBeanClasses(StentRuntime.class, StentProducer.class, DurableInterceptor.class,
                        JsonbSerializer.class, TransactionSuspender.class, TestEnvironment.class, Calls.class,
                        Steps.class)
                .addBeanClasses(workflows).initialize();
    }

    private int attempts(String executionId) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT attempt FROM stent_task WHERE execution_id = ?")) {
            statement.setString(1, executionId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void inFlightExecutions_runOnlyOnTheirVersion_andCompleteAfterTheNewVersionIsDeployed() throws Exception {
        String old;
        try (WeldContainer v1 = deploy(OrdersV1.class)) {
            Stent stent = v1.select(Stent.class).get();
            old = stent.startByName("versioned", "k1").id();
            waitFor(stent, old, ExecutionStatus.SUSPENDED);
        }

        try (WeldContainer v2Only = deploy(OrdersV2.class)) {
            Stent stent = v2Only.select(Stent.class).get();
            stent.signal(old, "go", "now");
            String fresh = stent.startByName("versioned", "k2").id();
            waitFor(stent, fresh, ExecutionStatus.SUSPENDED);
            stent.signal(fresh, "go", "now");
            assertEquals("v2:beta", stent.handle(fresh, String.class).await(WAIT), "new starts run version 2");
            assertEquals(ExecutionStatus.SUSPENDED, stent.handle(old, String.class).status(),
                    "the version 1 execution was not run on version 2 code, though it was due first");
            assertEquals(0, attempts(old));
        }

        try (WeldContainer both = deploy(OrdersV1.class, OrdersV2.class)) {
            Stent stent = both.select(Stent.class).get();
            assertEquals("v1:beta", stent.handle(old, String.class).await(WAIT),
                    "the old execution completed on the retained version 1 code");
            Calls calls = both.select(Calls.class).get();
            assertEquals(0, calls.count("alpha:k1"), "version 2's first step never ran for it");
            String next = stent.startByName("versioned", "k3").id();
            waitFor(stent, next, ExecutionStatus.SUSPENDED);
            assertEquals(1, calls.count("alpha:k3"), "new starts use the highest version");
        }
    }

    private static void waitFor(Stent stent, String id, ExecutionStatus status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (stent.handle(id, String.class).status() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " never became " + status);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }
}
