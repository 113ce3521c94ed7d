package io.stent.engine;

import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.NewExecution;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {

    private static final int WRITERS = 2;

    private static GroupCommit<NewExecution, String> starts(ExecutionStore store) {
        return new GroupCommit<>(WRITERS, 100, store::create, store::createAll);
    }

    /** A store whose writes wait for a gate, so that starts pile up behind the writers in flight. */
    private static final class GatedStore {
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger writesStarted = new AtomicInteger();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final Map<String, Integer> written = new ConcurrentHashMap<>();

        ExecutionStore store() {
            return (ExecutionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ExecutionStore.class}, (proxy, method, args) -> {
                        writesStarted.incrementAndGet();
                        gate.await(30, TimeUnit.SECONDS);
                        switch (method.getName()) {
                            case "create" -> {
                                NewExecution execution = (NewExecution) args[0];
                                batchSizes.add(1);
                                return write(execution);
                            }
                            case "createAll" -> {
                                @SuppressWarnings("unchecked")
                                List<NewExecution> batch = (List<NewExecution>) args[0];
                                if (batch.stream().anyMatch(e -> e.arguments().equals("bad"))) {
                                    throw new IllegalStateException("the database refused the batch");
                                }
                                batchSizes.add(batch.size());
                                return batch.stream().map(this::write).toList();
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        private String write(NewExecution execution) {
            if (execution.arguments().equals("bad")) {
                throw new IllegalStateException("the database refused " + execution.id());
            }
            written.merge(execution.id(), 1, Integer::sum);
            return execution.id();
        }
    }

    private static NewExecution execution(String arguments) {
        return NewExecution.now(UUID.randomUUID().toString(), "f", 1, "default", arguments, null);
    }

    @Test
    void concurrentStarts_areWrittenTogether_eachOnce_andEachCallerGetsItsOwnId() throws Exception {
        GatedStore gated = new GatedStore();
        GroupCommit<NewExecution, String> batcher = starts(gated.store());
        ExecutorService callers = Executors.newFixedThreadPool(40);
        try {
            List<NewExecution> executions = new ArrayList<>();
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                NewExecution execution = execution("[" + i + "]");
                executions.add(execution);
                ids.add(callers.submit(() -> batcher.write(execution)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (gated.writesStarted.get() < WRITERS) {
                assertTrue(System.nanoTime() < deadline, "the first writers never wrote");
                Thread.onSpinWait();
            }
            assertEquals(WRITERS, gated.writesStarted.get(), "no more writes in flight than writers");
            gated.gate.countDown();
            for (int i = 0; i < 40; i++) {
                assertEquals(executions.get(i).id(), ids.get(i).get(30, TimeUnit.SECONDS));
            }
            assertEquals(40, gated.written.size());
            assertTrue(gated.written.values().stream().allMatch(times -> times == 1), "each written once");
            assertTrue(gated.batchSizes.size() < 40 && gated.batchSizes.stream().anyMatch(size -> size > 1),
                    "starts that queued behind the writers were written together: " + gated.batchSizes);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aStartTheDatabaseRefuses_failsItsOwnCaller_only() throws Exception {
        GatedStore gated = new GatedStore();
        GroupCommit<NewExecution, String> batcher = starts(gated.store());
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> good = new ArrayList<>();
            List<NewExecution> executions = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                NewExecution execution = execution("[" + i + "]");
                executions.add(execution);
                good.add(callers.submit(() -> batcher.write(execution)));
            }
            Future<String> bad = callers.submit(() -> batcher.write(execution("bad")));
            for (int i = 10; i < 19; i++) {
                NewExecution execution = execution("[" + i + "]");
                executions.add(execution);
                good.add(callers.submit(() -> batcher.write(execution)));
            }
            gated.gate.countDown();
            java.util.concurrent.ExecutionException failure = assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
            assertTrue(failure.getCause().getMessage().contains("refused"), failure.getCause().getMessage());
            for (int i = 0; i < good.size(); i++) {
                assertEquals(executions.get(i).id(), good.get(i).get(30, TimeUnit.SECONDS));
            }
            assertEquals(19, gated.written.size(), "every other start was written");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aStartAlone_isWrittenAtOnce_byItsOwnCaller() {
        GatedStore gated = new GatedStore();
        gated.gate.countDown();
        NewExecution execution = execution("[1]");
        assertEquals(execution.id(), starts(gated.store()).write(execution));
        assertEquals(List.of(1), gated.batchSizes, "one start, one plain write");
    }
}
