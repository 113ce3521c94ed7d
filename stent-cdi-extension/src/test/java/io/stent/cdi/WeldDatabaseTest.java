package io.stent.cdi;

import io.stent.store.TestDatabase;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.UUID;

/**
 * A Weld SE container with Stent and the test beans on a database of the subclass's choice,
 * created once per test class and dropped after it.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WeldDatabaseTest {

    /** The test class's database. */
    final TestDatabase database = createDatabase();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new StentExtension())
                    .addBeanClasses(StentRuntime.class, StentProducer.class, DurableInterceptor.class,
                            JsonbSerializer.class, TransactionSuspender.class, TestEnvironment.class,
                            Calls.class, Steps.class, Workflows.class, Composite.class, Overridden.class,
                            RecordingListener.class, ThrowingListener.class, ShipmentSteps.class, ShipmentFlows.class,
                            ServerTrouble.class, ServerTrouble.TroubledSteps.class, LimitedSteps.class,
                            LimitedSteps.Flows.class))
            .build();

    WeldDatabaseTest() {
        TestEnvironment.dataSource = database.dataSource();
    }

    /** Creates the database the container runs on. */
    abstract TestDatabase createDatabase();

    @AfterAll
    void dropDatabase() {
        weld.shutdown();
        database.close();
    }

    static String key() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
