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
 * The console on a PostgreSQL database with 1,000,000 executions (one step each, 5 % failed with
 * dead letters, 4 % open with tasks, 10,000 audit rows), seeded by {@code console-scale-seed.sql}
 * and analyzed, not vacuumed. Two passes:
 * <ol>
 *   <li>each call of the store API the console is built on, with the plan PostgreSQL chose for
 *       every query it made ({@code EXPLAIN (ANALYZE, BUFFERS)}, scans and sorts shown), then its
 *       time, cold (its first run) and warm (the median and the slowest of {@value #RUNS} runs);</li>
 *   <li>the real console WAR on Payara Micro over HTTP, logged in as an administrator: every API
 *       call and page it serves, timed the same way, cold being the first request after the
 *       deployment.</li>
 * </ol>
 * Both against the 300 ms target. Run with {@code ./run-benchmark.sh -Dbench.main=io.stent.bench.ConsoleScale}.
 */
public final class ConsoleScale {

    private static final int RUNS = 10;
    private static final long TARGET_MILLIS = 300;
    private static final String PASSWORD = "bench-" + java.util.UUID.randomUUID();

    private ConsoleScale() {
    }

    /**
     * Seeds a fresh database, measures, and drops it.
     *
     * @param args none
     * @throws Exception on a failure
     */
    public static void main(String[] args) throws Exception {
        java.nio.file.Path work = java.nio.file.Path.of(System.getProperty("bench.work", "target/bench-work"));
        java.nio.file.Files.createDirectories(work);
        try (PostgresDatabase database = PostgresDatabase.create()) {
            org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setUrl(database.jdbcUrl());
            dataSource.setUser("postgres");
            dataSource.setPassword("postgres");
            QueryPlans plans = new QueryPlans(dataSource);
            boolean slow;
            String someId;
            try (JdbcStore store = JdbcStore.on(plans.dataSource())) {
                store.migrator().migrate("console-scale");
                long seeding = System.nanoTime();
                seed(dataSource);
                System.out.printf("seeded 1,000,000 executions in %.1f s%n", (System.nanoTime() - seeding) / 1e9);
                StentOperations operations = new StoreOperations(store, () -> "bench");
                someId = operations.executions(ExecutionFilter.all(), ExecutionSort.CREATED_AT, PageRequest.first(1))
                        .items().get(0).id();
                slow = measureStore(calls(operations, someId), plans);
            }
            slow |= measureHttp(database, work, someId);
            System.out.println(slow ? "SOME CALLS MISSED THE 300 ms TARGET" : "every call met the 300 ms target");
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

    private static Map<String, Supplier<Object>> calls(StentOperations operations, String someId) {
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
        calls.put("executions, one queue", () -> operations.executions(ExecutionFilter.all().onQueue("mail"),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, a rare queue", () -> operations.executions(ExecutionFilter.all().onQueue("rare-queue"),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, one tag", () -> operations.executions(ExecutionFilter.all().withTag("gpu"),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, a rare tag", () -> operations.executions(ExecutionFilter.all().withTag("rare-tag"),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, children of one", () -> operations.executions(ExecutionFilter.all().childrenOf(someId),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, id prefix", () -> operations.executions(ExecutionFilter.all().withSearch(someId.substring(0, 6)),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, key prefix", () -> operations.executions(ExecutionFilter.all().withSearch("key-12345"),
                ExecutionSort.CREATED_AT, page));
        calls.put("executions, by function name", () -> operations.executions(ExecutionFilter.all(), ExecutionSort.FUNCTION, page));
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
        return calls;
    }

    private static boolean measureStore(Map<String, Supplier<Object>> calls, QueryPlans plans) {
        System.out.println();
        System.out.println("Store API: the plan of each query a call made, then its times");
        boolean slow = false;
        Map<String, long[]> times = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Object>> call : calls.entrySet()) {
            long cold = time(call.getValue());
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                warm.add(time(call.getValue()));
            }
            warm.sort(null);
            times.put(call.getKey(), new long[] {cold, warm.get(warm.size() / 2), warm.get(warm.size() - 1)});
            System.out.println("== " + call.getKey());
            for (QueryPlans.Plan plan : plans.capture(() -> call.getValue().get())) {
                String sql = plan.sql().replaceAll("\\s+", " ");
                System.out.println("   " + (sql.length() > 150 ? sql.substring(0, 150) + "…" : sql)
                        + (plan.readsAWholeTable() ? "   [reads a whole table]" : ""));
                for (String line : plan.summary()) {
                    System.out.println("      " + line);
                }
            }
        }
        System.out.println();
        System.out.printf("%-42s %9s %9s %9s%n", "store call", "cold ms", "p50 ms", "max ms");
        for (Map.Entry<String, long[]> time : times.entrySet()) {
            long[] t = time.getValue();
            slow |= t[2] > TARGET_MILLIS;
            System.out.printf("%-42s %9d %9d %9d%s%n", time.getKey(), t[0], t[1], t[2],
                    t[2] > TARGET_MILLIS ? "  SLOW" : "");
        }
        return slow;
    }

    /** The console WAR on Payara Micro, on the seeded database, over HTTP as a logged-in administrator. */
    private static boolean measureHttp(PostgresDatabase database, java.nio.file.Path work, String someId)
            throws Exception {
        List<String> arguments = new ArrayList<>(database.payaraArguments(work));
        arguments.addAll(List.of("--deploy", System.getProperty("stent.consoleWar",
                "stent-admin-war/target/stent-admin.war")));
        Map<String, String> env = Map.of("STENT_DATASOURCE", "jdbc/stent", "STENT_CONSOLE_AUTH", "users",
                "STENT_CONSOLE_USERS", "admin", "STENT_CONSOLE_USER_ADMIN_PASSWORD", PASSWORD,
                "STENT_CONSOLE_USER_ADMIN_ROLES", "stent-admin");
        try (io.stent.it.PayaraProcess server = io.stent.it.PayaraProcess.start(
                work.resolve("console-root-" + System.nanoTime()), work.resolve("console-payara.log"), env, arguments)) {
            server.awaitBody("/stent-admin/login.html", body -> body.contains("Log in"), Duration.ofMinutes(5));
            ConsoleHttp console = new ConsoleHttp(server.baseUrl() + "/stent-admin", "admin", PASSWORD);
            String hourAgo = java.net.URLEncoder.encode(OffsetDateTime.now().minusHours(1).toString(),
                    StandardCharsets.UTF_8);
            String list = "api/executions?limit=50&offset=0&order=desc&sort=";
            Map<String, String> gets = new LinkedHashMap<>();
            gets.put("page: index.html", "");
            gets.put("page: console.js", "console.js");
            gets.put("session", "api/session");
            gets.put("overview", "api/overview");
            gets.put("executions, newest first", list + "created_at");
            gets.put("executions, page 101", "api/executions?limit=50&offset=5000&sort=created_at&order=desc");
            gets.put("executions, oldest first", "api/executions?limit=50&offset=0&sort=created_at&order=asc");
            for (ExecutionStatus each : ExecutionStatus.values()) {
                String status = each.name();
                gets.put("executions, status " + status, list + "created_at&status=" + status);
            }
            gets.put("executions, one function", list + "created_at&function=fn7");
            gets.put("executions, a rare function", list + "created_at&function=rare");
            gets.put("executions, one queue", list + "created_at&queue=mail");
            gets.put("executions, a rare queue", list + "created_at&queue=rare-queue");
            gets.put("executions, one tag", list + "created_at&tag=gpu");
            gets.put("executions, a rare tag", list + "created_at&tag=rare-tag");
            gets.put("executions, created in the last hour", list + "created_at&from=" + hourAgo);
            gets.put("executions, running longer than 10 min", list + "created_at&runningLongerThan=PT10M");
            gets.put("executions, id prefix", list + "created_at&search=" + someId.substring(0, 6));
            gets.put("executions, key prefix", list + "created_at&search=key-12345");
            gets.put("executions, by function", "api/executions?limit=50&sort=function&order=asc");
            gets.put("execution detail", "api/executions/" + someId);
            gets.put("execution's children", "api/executions?limit=50&sort=created_at&order=asc&parent=" + someId);
            gets.put("execution's arguments, whole", "api/executions/" + someId + "/arguments");
            gets.put("steps page", "api/executions/" + someId + "/steps?limit=200&offset=0");
            gets.put("dead letters, newest first", "api/dead-letters?limit=100");
            gets.put("dead letters, one function", "api/dead-letters?limit=100&function=fn3");
            gets.put("dead letters, failed in the last hour", "api/dead-letters?limit=100&from=" + hourAgo);
            gets.put("dead letters, by error class", "api/dead-letters?limit=100&sort=error_class");
            gets.put("dead letters, count of a filter", "api/dead-letters/count?function=fn3");
            gets.put("dead letters of an execution", "api/dead-letters?execution=" + someId);
            gets.put("audit trail", "api/audit?limit=50");
            gets.put("workers", "api/workers");
            gets.put("OpenAPI document", "api/openapi");
            System.out.println();
            System.out.println("The console over HTTP (Payara Micro, PostgreSQL, logged in; cold = the first request"
                    + " after the deployment)");
            System.out.printf("%-42s %9s %9s %9s%n", "request", "cold ms", "p50 ms", "max ms");
            boolean slow = false;
            for (Map.Entry<String, String> get : gets.entrySet()) {
                slow |= report(get.getKey(), () -> console.get(get.getValue()));
            }
            java.util.Iterator<String> letters = ids(console.get("api/dead-letters?limit=" + (RUNS + 1)));
            slow |= report("replay a dead letter (POST)",
                    () -> console.post("api/dead-letters/" + letters.next() + "/replay"));
            java.util.Iterator<String> pending = ids(console.get("api/executions?status=PENDING&limit=" + (RUNS + 1)));
            slow |= report("cancel an execution (POST)",
                    () -> console.post("api/executions/" + pending.next() + "/cancel"));
            return slow;
        }
    }

    private static java.util.Iterator<String> ids(String page) {
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(page);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids.iterator();
    }

    private static boolean report(String name, Supplier<Object> call) {
        long cold = time(call);
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            warm.add(time(call));
        }
        warm.sort(null);
        long max = warm.get(warm.size() - 1);
        System.out.printf("%-42s %9d %9d %9d%s%n", name, cold, warm.get(warm.size() / 2), max,
                max > TARGET_MILLIS ? "  SLOW" : "");
        return max > TARGET_MILLIS;
    }

    private static long time(Supplier<Object> call) {
        long start = System.nanoTime();
        call.get();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
