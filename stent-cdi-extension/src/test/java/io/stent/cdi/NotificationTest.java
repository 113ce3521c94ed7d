package io.stent.cdi;

import io.stent.engine.DurableEngine;
import io.stent.engine.EngineSettings;
import io.stent.engine.FunctionDefinition;
import io.stent.engine.FunctionRegistry;
import io.stent.engine.RetryPolicy;
import io.stent.engine.Sleeper;
import io.stent.engine.TransactionBoundary;
import io.stent.engine.WorkerRouting;
import io.stent.store.JdbcStore;
import io.stent.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL pushes wake-ups: an instance that polls only every 30 seconds still runs work that
 * another instance started within moments, because the start's transaction notifies it.
 */
class NotificationTest {

    /** The function's body. */
    public static final class Body {
        public int twice(int n) {
            return 2 * n;
        }
    }

    private final TestDatabase database = TestDatabase.postgres();
    private DurableEngine worker;
    private DurableEngine starter;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        if (starter != null) {
            starter.stop();
        }
        database.close();
    }

    private DurableEngine engine(String id, Duration poll, WorkerRouting routing) throws Exception {
        Body body = new Body();
        FunctionDefinition twice = new FunctionDefinition("twice", 1, "default", new RetryPolicy(1, Duration.ZERO, 1.0,
                Duration.ZERO, List.of(Exception.class), List.of()), null, FunctionDefinition.Routing.DEFAULT,
                Set.of(), Body.class.getMethod("twice", int.class), body);
        EngineSettings settings = EngineSettings.builder(id).workerThreads(2).claimBatch(8)
                .lease(Duration.ofSeconds(5)).heartbeat(Duration.ofSeconds(1)).pollMin(poll).pollMax(poll)
                .awaitTimeout(Duration.ofSeconds(60)).drainTimeout(Duration.ofSeconds(5))
                .recoveryInterval(Duration.ofSeconds(30)).sleepBlockingLimit(Duration.ofMillis(100)).routing(routing)
                .build();
        DurableEngine[] self = new DurableEngine[1];
        self[0] = DurableEngine.builder(new FunctionRegistry(List.of(twice)), JdbcStore.on(database.dataSource()).store())
                .invoker((function, args) -> self[0].intercept(function, args, () -> body.twice((Integer) args[0])))
                .serializer(new JsonbSerializer()).settings(settings).build();
        self[0].start();
        return self[0];
    }

    @Test
    void workStartedOnAnotherInstance_wakesAnIdleWorkerAtOnce() throws Exception {
        JdbcStore.on(database.dataSource()).migrator().migrate("test");
        worker = engine("slow-poller", Duration.ofSeconds(30), WorkerRouting.ALL);
        starter = engine("starter", Duration.ofSeconds(30), new WorkerRouting(Set.of("no-such-queue"), Set.of(),
                Map.of()));
        for (int i = 1; i <= 3; i++) {
            assertEquals(2 * i, starter.startByName("twice", i).await(Duration.ofSeconds(5)),
                    "the idle worker was woken by NOTIFY, not by its 30 s poll");
        }
    }
}
