package io.stent.it.dropin;

import io.stent.ExecutionStatus;
import io.stent.Stent;
import io.stent.it.Libraries;
import io.stent.store.JdbcStore;
import io.stent.operations.StepView;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stent dropped into an ordinary application on Payara Micro: the application keeps its own
 * persistence unit with unqualified {@code @PersistenceContext} injection and its EJBs, and
 * durable calls work on CDI beans and EJBs, with and without a caller's transaction.
 */
@ExtendWith(ArquillianExtension.class)
class DropInIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "dropin.war")
                .addClasses(Customer.class, CustomerService.class, Onboarding.class, Greeter.class,
                        TransactionalCaller.class, Ledger.class, RunTimes.class)
                .addAsResource("dropin/persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addClass(Libraries.class)
                .addAsLibraries(Libraries.stentJars());
    }

    @Inject
    Onboarding onboarding;
    @Inject
    CustomerService customers;
    @Inject
    TransactionalCaller transactionalCaller;
    @Inject
    Stent stent;
    @Resource
    UserTransaction transaction;
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** The recorded steps, read through Stent's persistence unit inside this deployment. */
    private List<StepView> steps(String executionId) {
        try (JdbcStore store = JdbcStore.on(dataSource)) {
            return store.queries().execution(executionId).orElseThrow().steps();
        }
    }

    @Test
    void theHostsPersistenceUnit_seesOnlyItsOwnEntities_whileStentsOwnUnitReadsStentsTables() {
        assertEquals(java.util.Set.of("Customer"), customers.entityNames(),
                "the container scanned the application; Stent's entities are not in its unit");
        var handle = stent.start(() -> onboarding.onboard("ivy"));
        assertTrue(handle.await(WAIT).startsWith("welcome ivy #"));
        assertEquals(List.of("dropin.register", "dropin.greet"),
                steps(handle.id()).stream().map(StepView::function).toList(), "Stent's unit, in the same deployment");
        assertEquals(1, customers.countNamed("ivy"), "the application's unit, through its unqualified injection");
    }

    @Test
    void applicationAndDurableCalls_workSideBySide() throws Exception {
        // the host application's own persistence unit works with unqualified injection
        assertEquals(0, customers.countNamed("nobody"));

        // a CDI workflow whose first step is an EJB method with the app's persistence context
        String ann = onboarding.onboard("ann");
        assertTrue(ann.startsWith("welcome ann #"), ann);
        assertEquals(1, customers.countNamed("ann"));

        // a durable EJB method called directly, without a caller's transaction
        long cyId = customers.register("cy");
        assertTrue(cyId > 0);
        assertEquals(1, customers.countNamed("cy"));

        // called inside an EJB's container-managed transaction: Stent's writes step out of it
        assertTrue(transactionalCaller.onboardInTransaction("bob").startsWith("welcome bob #"));
        assertEquals(1, customers.countNamed("bob"));

        // called inside a bean-managed transaction of the caller
        transaction.begin();
        String dee;
        try {
            dee = onboarding.onboard("dee");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        transaction.commit();
        assertTrue(dee.startsWith("welcome dee #"), dee);
        assertEquals(1, customers.countNamed("dee"));
    }

    @Test
    void transactionalStep_writesItsCheckpointInItsOwnTransaction_soBothRollBackTogether() {
        var handle = stent.start(() -> onboarding.bookFlow("fay"));
        assertTrue(handle.await(WAIT) > 0);
        assertEquals(1, customers.countNamed("fay"), "the rolled-back attempt left no customer");
        StepView step = steps(handle.id()).get(0);
        assertEquals("dropin.book", step.function());
        assertEquals(2, step.attempts(), "the first attempt's checkpoint rolled back with its work");
    }

    @Test
    void stepWhoseTransactionRollsBackSilently_isStillRecorded_likeThePlainCallItWas() {
        var handle = stent.start(() -> onboarding.silentFlow("gus"));
        assertTrue(handle.await(WAIT) > 0);
        assertEquals(0, customers.countNamed("gus"), "JTA rolled the step's work back, as without Stent");
        StepView step = steps(handle.id()).get(0);
        assertEquals("dropin.bookSilentlyRolledBack", step.function());
        assertEquals(1, step.attempts());
    }

    @Test
    void startedExecution_recordsItsStepsOnTheDefaultDataSource() {
        var handle = stent.start(() -> onboarding.onboard("eve"));
        assertTrue(handle.await(WAIT).startsWith("welcome eve #"));
        assertEquals(ExecutionStatus.COMPLETED, handle.status());
        List<StepView> steps = steps(handle.id());
        assertEquals(List.of("dropin.register", "dropin.greet"),
                steps.stream().map(StepView::function).toList());
        assertEquals(1, customers.countNamed("eve"), "the EJB step ran exactly once");
    }

    @Inject
    RunTimes runTimes;

    private long executionsWithKey(String key) throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT COUNT(*) FROM stent_execution WHERE idempotency_key = ?")) {
            statement.setString(1, key);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void startInsideTheCallersTransaction_takesEffectWhenItCommits_andNeverWhenItRollsBack() throws Exception {
        assertThrows(jakarta.ejb.EJBException.class, () -> transactionalCaller.startThenFail("rita"));
        assertEquals(0, executionsWithKey("rolled-back-rita"), "the caller rolled back: nothing was started");

        java.time.Instant workDone = transactionalCaller.startThenWork("lou");
        assertEquals(1, executionsWithKey("late-lou"));
        String id;
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT id FROM stent_execution WHERE idempotency_key = ?")) {
            statement.setString(1, "late-lou");
            try (var rows = statement.executeQuery()) {
                rows.next();
                id = rows.getString(1);
            }
        }
        assertTrue(stent.handle(id, String.class).await(WAIT).startsWith("welcome lou #"));
        java.time.Instant ran = runTimes.firstRun("lou");
        assertTrue(!ran.isBefore(workDone), "the step ran at " + ran + ", before its caller's transaction committed"
                + " (work done at " + workDone + ")");
        assertEquals(0, customers.countNamed("rita"));
        assertEquals(1, customers.countNamed("lou"));
    }

    @Test
    void batchStartInsideTheCallersTransaction_startsAllWhenItCommits_noneWhenItRollsBack_oneForEachKey()
            throws Exception {
        assertThrows(jakarta.ejb.EJBException.class,
                () -> transactionalCaller.startAll(List.of("rex", "ron"), true));
        assertEquals(0, executionsWithKey("batch-rex") + executionsWithKey("batch-ron"),
                "the caller rolled back: nothing of its batch was started");

        List<String> ids = transactionalCaller.startAll(List.of("nia", "noe", "nia"), false);
        assertEquals(3, ids.size());
        assertEquals(ids.get(0), ids.get(2), "the same key twice in a batch: one execution");
        assertTrue(!ids.get(0).equals(ids.get(1)));
        assertTrue(stent.handle(ids.get(0), String.class).await(WAIT).startsWith("welcome nia #"));
        assertTrue(stent.handle(ids.get(1), String.class).await(WAIT).startsWith("welcome noe #"));
        assertEquals(List.of(ids.get(1)), transactionalCaller.startAll(List.of("noe"), false),
                "a later batch with a taken key returns the earlier execution");
        assertEquals(1, customers.countNamed("nia"));
        assertEquals(0, customers.countNamed("rex"));
    }
}
