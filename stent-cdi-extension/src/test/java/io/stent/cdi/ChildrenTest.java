package io.stent.cdi;

import io.stent.ExecutionCancelledException;
import io.stent.ExecutionStatus;
import io.stent.Stent;
import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.StepRecord;
import io.stent.store.JdbcStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fan-out, fan-in and child executions on a real database.
 */
abstract class ChildrenTest extends WeldDatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Workflows workflows;
    @Inject
    Calls calls;
    @Inject
    Stent stent;

    private List<String> childrenOf(String parentId) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id FROM stent_execution WHERE parent_id = ? ORDER BY parent_position")) {
            statement.setString(1, parentId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private ExecutionRecord record(String id) {
        return JdbcStore.on(database.dataSource()).store().executions().find(id).orElseThrow();
    }

    @Test
    void fanOut_startsOneChildExecutionPerItem_fanInSumsTheirResults() throws Exception {
        String key = key();
        var handle = stent.start(() -> workflows.fanOut(key, 6));
        assertEquals(2 * (0 + 1 + 2 + 3 + 4 + 5), handle.await(WAIT));
        List<String> children = childrenOf(handle.id());
        assertEquals(6, children.size(), "each child is an execution of its own");
        for (String child : children) {
            ExecutionRecord record = record(child);
            assertEquals(ExecutionStatus.COMPLETED, record.status());
            assertEquals("Steps.charge", record.functionName());
            assertEquals(handle.id(), record.parentId());
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(1, calls.count("charge:" + key + "-" + i), "child " + i + " ran once despite replays");
        }
        List<StepRecord> steps = JdbcStore.on(database.dataSource()).store().steps().list(handle.id());
        assertTrue(steps.stream().allMatch(s -> s.functionName().equals("stent.child:Steps.charge")), "" + steps);
    }

    @Test
    void any_returnsTheFirstFinishedChild_andRecordsTheChoiceForReplays() {
        String key = key();
        var handle = stent.start(() -> workflows.race(key));
        assertEquals("beta", handle.await(WAIT));
        StepRecord choice = JdbcStore.on(database.dataSource()).store().steps().list(handle.id()).stream()
                .filter(s -> s.functionName().equals("stent.any")).findFirst().orElseThrow();
        assertEquals("1", choice.output(), "the second future (the quick child) was chosen and recorded");
        calls.open(key);
    }

    @Test
    void childFailure_isRethrownInTheParentAsItsType() {
        String key = key();
        assertEquals("child failed: bad input " + key, workflows.childFails(key));
    }

    @Test
    void childWorkflow_hasStepsOfItsOwn_andItsResultReachesTheParent() throws Exception {
        String key = key();
        var handle = stent.start(() -> workflows.parentOfWorkflow(key));
        assertEquals("parent got R-" + key + "+beta", handle.await(WAIT));
        String child = childrenOf(handle.id()).get(0);
        assertEquals(List.of("Steps.reserve", "Steps.beta"), JdbcStore.on(database.dataSource()).store().steps()
                .list(child).stream().map(StepRecord::functionName).toList());
    }

    @Test
    void cancellingTheParent_cancelsItsChildren() throws Exception {
        String key = key();
        var handle = stent.start(() -> workflows.waitsForBlockedChild(key));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (calls.count("block:" + key) == 0) {
            assertTrue(System.nanoTime() < deadline, "the child never started");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        handle.cancel();
        String child = childrenOf(handle.id()).get(0);
        assertTrue(List.of(ExecutionStatus.CANCELLING, ExecutionStatus.CANCELLED).contains(record(child).status()));
        calls.open(key);
        assertThrows(ExecutionCancelledException.class, () -> handle.await(WAIT));
        assertThrows(ExecutionCancelledException.class, () -> stent.handle(child, String.class).await(WAIT));
    }

    @Test
    void asyncOutsideAnExecution_isAClearError() {
        io.stent.StentException error = assertThrows(io.stent.StentException.class,
                () -> stent.async(() -> workflows.order("x", 1)));
        assertTrue(error.getMessage().contains("STENT-1108"));
    }
}
