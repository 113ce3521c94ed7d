package io.stent.bench;

import io.stent.ExecutionStatus;
import io.stent.it.PostgresDatabase;
import io.stent.operations.DeadLetterFilter;
import io.stent.operations.DeadLetterSort;
import io.stent.operations.ExecutionFilter;
import io.stent.operations.ExecutionSort;
import io.stent.operations.PageRequest;
import io.stent.operations.StentOperations;
import io.stent.store.JdbcStore;
import io.stent.store.StoreOperations;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The console's calls on a PostgreSQL database with 1,000,000 executions (one step each, 5 %
 * failed with dead letters, 4 % open with tasks, 10,000 audit rows), seeded by
 * {@code console-scale-seed.sql}: each call's time, cold (its first run) and warm (the median and
 * the slowest of {@value #RUNS} runs after it), against the 300 ms target. Run with
 * {@code ./run-benchmark.sh -Dbench.main=io.stent.bench.ConsoleScale}.
 */
public final class ConsoleScale {

    private static final int RUNS = 10;
    private static final long TARGET_MILLIS = 300;

    private ConsoleScale() {
    }

    /**
     * Seeds a fresh database, measures, and drops it.
     *
     * @param args none
     * @throws Exception on a failure
     */
    public static void main(String[] args) throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setUrl(database.jdbcUrl());
            dataSource.setUser("postgres");
            dataSource.setPassword("postgres");
            try (JdbcStore store = JdbcStore.on(dataSource)) {
                store.migrator().migrate("console-scale");
                long seeding = System.nanoTime();
                seed(dataSource);
                System.out.printf("seeded 1,000,000 executions in %.1f s%n", (System.nanoTime() - seeding) / 1e9);
                boolean slow = measure(new StoreOperations(store, () -> "bench"));
                if (slow) {
                    System.out.println("SOME CALLS MISSED THE 300 ms TARGET");
                }
            }
        }
    }

    private static void seed(DataSource dataSource) throws Exception {
        String script;
        try (InputStream in = ConsoleScale.class.getResourceAsStream("console-scale-seed.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                String code = sql.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                if (!code.isBlank()) {
                    statement.execute(code);
                }
            }
        }
    }

    private static boolean measure(StentOperations operations) {
        String someId = operations.executions(ExecutionFilter.all(), ExecutionSort.CREATED_AT, PageRequest.first(1))
                .items().get(0).id();
        OffsetDateTime now = OffsetDateTime.now();
        PageRequest page = PageRequest.first(50);
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("overview", operations::overview);
        calls.put("executions, newest first", () -> operations.executions(ExecutionFilter.all(), ExecutionSort.CREATED_AT, page));
        calls.put("executions, page 100", () -> operations.executions(ExecutionFilter.all(), ExecutionSort.CREATED_AT,
                new PageRequest(5_000, 50, false)));
        calls.put("executions, oldest first", () -> operations.executions(ExecutionFilter.all(), ExecutionSort.CREATED_AT,
                new PageRequest(0, 50, true)));
        for (ExecutionStatus status : ExecutionStatus.values()) {
            calls.put("executions, status " + status, () -> operations.executions(
                    ExecutionFilter.all().withStatus(status), ExecutionSort.CREATED_AT, page));
        }
        calls.put("executions, one function", () -> operations.executions(ExecutionFilter.all().withFunction("fn7"),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, a rare function", () -> operations.executions(ExecutionFilter.all().withFunction("rare"),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, function and version", () -> operations.executions(ExecutionFilter.all()
                .withFunction("fn7").withVersion(1), ExecutionSort.CREATED_AT, page));
        calls.put("executions, last hour", () -> operations.executions(ExecutionFilter.all()
                .createdBetween(now.minusHours(1), null), ExecutionSort.CREATED_AT, page));
        calls.put("executions, running longer than 10 min", () -> operations.executions(ExecutionFilter.all()
                .withStatus(ExecutionStatus.RUNNING).startedBefore(now.minusMinutes(10)), ExecutionSort.CREATED_AT, page));
        calls.put("executions, id prefix", () -> operations.executions(ExecutionFilter.all().withSearch(someId.substring(0, 6)),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, key prefix", () -> operations.executions(ExecutionFilter.all().withSearch("key-12345"),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, by function name", () -> operations.executions(ExecutionFilter.all(), ExecutionSort.FUNCTION, page));
        calls.put("executions, by end", () -> operations.executions(ExecutionFilter.all(), ExecutionSort.FINISHED_AT, page));
        calls.put("executions, by status", () -> operations.executions(ExecutionFilter.all(), ExecutionSort.STATUS, page));
        calls.put("execution detail", () -> operations.execution(someId));
        calls.put("steps page", () -> operations.steps(someId, new PageRequest(0, 200, true)));
        calls.put("dead letters, newest first", () -> operations.deadLetters(DeadLetterFilter.pending(), DeadLetterSort.FAILED_AT, page));
        calls.put("dead letters, one function", () -> operations.deadLetters(DeadLetterFilter.pending().withFunction("fn3"),
                DeadLetterSort.FAILED_AT, page));
        calls.put("dead letters, by error class", () -> operations.deadLetters(DeadLetterFilter.all(), DeadLetterSort.ERROR_CLASS, page));
        calls.put("dead letters, count all", () -> operations.countDeadLetters(DeadLetterFilter.pending()));
        calls.put("dead letters, count one function", () -> operations.countDeadLetters(DeadLetterFilter.pending()
                .withFunction("fn3")));
        calls.put("dead letters of an execution", () -> operations.deadLetters(DeadLetterFilter.all().ofExecution(someId),
                DeadLetterSort.FAILED_AT, page));
        calls.put("audit trail", () -> operations.audit(null, null, page));
        calls.put("workers", operations::workers);
        boolean slow = false;
        System.out.printf("%-42s %9s %9s %9s%n", "call", "cold ms", "p50 ms", "max ms");
        for (Map.Entry<String, Supplier<Object>> call : calls.entrySet()) {
            long cold = time(call.getValue());
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                warm.add(time(call.getValue()));
            }
            warm.sort(null);
            long max = warm.get(warm.size() - 1);
            slow |= max > TARGET_MILLIS;
            System.out.printf("%-42s %9d %9d %9d%s%n", call.getKey(), cold, warm.get(warm.size() / 2), max,
                    max > TARGET_MILLIS ? "  SLOW" : "");
        }
        return slow;
    }

    private static long time(Supplier<Object> call) {
        long start = System.nanoTime();
        call.get();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
