package io.stent.it.chaos;

import io.stent.it.Libraries;
import io.stent.it.PayaraProcess;
import io.stent.it.PostgresDatabase;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The chaos suite: several Payara Micro instances on one PostgreSQL database run workflows of
 * plain, transactional and EJB steps, value-object arguments, void steps, sleeps and signals,
 * while instances are killed with SIGKILL and restarted on their root directories, one is stopped
 * with SIGTERM, PostgreSQL is restarted, and Stent's connections are terminated. It then checks
 * that no execution was lost, no transactional effect happened twice, and no attempt was spent on
 * the faults, and reports how fast each killed instance's work was taken over.
 */
final class ChaosSuite {

    /**
     * What to run.
     *
     * @param instances how many Payara Micro instances
     * @param workflows how many workflows
     * @param kills how many SIGKILLs, one every {@code faultEvery}
     * @param faultEvery the pause between faults
     */
    record Plan(int instances, int workflows, int kills, Duration faultEvery) {
    }

    /**
     * What happened.
     *
     * @param workflows workflows started
     * @param completed workflows completed
     * @param duplicateEffects transactional effects applied more than once
     * @param missingEffects transactional effects never applied
     * @param spentAttempts executions or steps that spent more than one attempt
     * @param deadLetters dead letters
     * @param takeovers for each SIGKILL with tasks in flight, how long until another instance held them
     * @param lastFaultToAllDone from the last fault until every workflow had completed
     * @param faults what was done, in order
     */
    record Report(int workflows, int completed, int duplicateEffects, int missingEffects, int spentAttempts,
                  int deadLetters, List<Long> takeovers, Duration lastFaultToAllDone, List<String> faults,
                  List<String> findings) {

        String table() {
            return "| workflows | completed | lost | duplicate transactional effects | missing effects"
                    + " | attempts spent on faults | dead letters | take-over after kill -9 (ms) | last fault to all"
                    + " done |\n|---|---|---|---|---|---|---|---|---|\n| " + workflows + " | " + completed + " | "
                    + (workflows - completed) + " | " + duplicateEffects + " | " + missingEffects + " | "
                    + spentAttempts + " | " + deadLetters + " | " + takeovers + " | "
                    + lastFaultToAllDone.toMillis() + " ms |\n\nFaults: " + String.join(", ", faults) + "\n"
                    + (findings.isEmpty() ? "" : "\nFindings:\n- " + String.join("\n- ", findings) + "\n");
        }
    }

    private static final Duration START = Duration.ofMinutes(5);
    private static final String[] TRANSACTIONAL = {"charge", "pack", "ship"};

    private final Plan plan;
    private final Path work;
    private final Random random = new Random();
    private final List<String> faults = new ArrayList<>();
    private final List<Long> takeovers = new ArrayList<>();
    private PostgresDatabase database;
    private List<String> arguments;
    private Path war;
    private final PayaraProcess[] servers;
    private final Map<Integer, CompletableFuture<PayaraProcess>> restarting = new HashMap<>();
    private int generation;

    ChaosSuite(Plan plan) throws IOException {
        this.plan = plan;
        this.servers = new PayaraProcess[plan.instances()];
        this.work = Path.of(System.getProperty("stent.it.work", "target/it-work"))
                .resolve("chaos-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
    }

    Report run() throws Exception {
        database = PostgresDatabase.create();
        try {
            arguments = database.payaraArguments(work);
            war = work.resolve("chaos.war");
            ShrinkWrap.create(WebArchive.class, "chaos.war").addPackage(ChaosSuite.class.getPackage())
                    .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml").addAsLibraries(Libraries.stentJars())
                    .as(ZipExporter.class).exportTo(war.toFile(), true);
            List<CompletableFuture<PayaraProcess>> starting = new ArrayList<>();
            for (int i = 0; i < plan.instances(); i++) {
                int index = i;
                starting.add(CompletableFuture.supplyAsync(() -> startInstance(index)));
            }
            for (int i = 0; i < plan.instances(); i++) {
                servers[i] = starting.get(i).get(START.toMinutes() + 1, TimeUnit.MINUTES);
            }
            return drive();
        } finally {
            for (PayaraProcess server : servers) {
                closeQuietly(server);
            }
            for (CompletableFuture<PayaraProcess> pending : restarting.values()) {
                closeQuietly(pending.getNow(null));
            }
            database.close();
        }
    }

    private PayaraProcess startInstance(int index) {
        try {
            Map<String, String> env = Map.of("STENT_DATASOURCE", "jdbc/stent", "STENT_WORKER_DRAIN_TIMEOUT", "PT3S",
                    "STENT_WORKER_THREADS", "8");
            List<String> args = new ArrayList<>(arguments);
            args.addAll(List.of("--deploy", war.toString()));
            PayaraProcess server = PayaraProcess.start(work.resolve("root-" + index),
                    work.resolve("instance-" + index + "-" + (generation++) + ".log"), env, args);
            server.awaitBody("/chaos/api/chaos/ready", body -> body.contains("yes"), START);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("instance " + index + " did not start", e);
        }
    }

    /**
     * Starts the workflows in batches spread over the whole fault schedule, so that work is in
     * flight at every fault, and runs the faults one every {@code faultEvery}.
     */
    private Report drive() throws Exception {
        List<Runnable> schedule = faultSchedule();
        int batch = 10;
        int batches = (plan.workflows() + batch - 1) / batch;
        // The last start comes a fault interval before the last fault: the suite then measures how
        // long the faults, not the workload, keep workflows from finishing.
        long spacing = plan.faultEvery().multipliedBy(Math.max(1, schedule.size() - 1)).toNanos()
                / Math.max(1, batches);
        int next = 0;
        long nextBatch = System.nanoTime();
        long nextFault = System.nanoTime() + plan.faultEvery().toNanos();
        long lastFault = System.nanoTime();
        while (next < plan.workflows() || !schedule.isEmpty()) {
            collectRestarts();
            if (next < plan.workflows() && System.nanoTime() - nextBatch >= 0) {
                int count = Math.min(batch, plan.workflows() - next);
                startBatch(next, count);
                next += count;
                nextBatch += spacing;
            } else if (!schedule.isEmpty() && System.nanoTime() - nextFault >= 0) {
                schedule.remove(0).run();
                lastFault = System.nanoTime();
                nextFault = System.nanoTime() + plan.faultEvery().toNanos();
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        long allDone = awaitAllCompleted(plan.workflows());
        return report(Duration.ofNanos(Math.max(0, allDone - lastFault)));
    }

    /** The faults, in order: kills, with a SIGTERM, a PostgreSQL restart and a connection purge among them. */
    private List<Runnable> faultSchedule() {
        List<Runnable> faults = new ArrayList<>();
        for (int i = 0; i < plan.kills(); i++) {
            faults.add(this::killOne);
            if (i == 0) {
                faults.add(this::terminateOne);
            }
            if (i == 1) {
                faults.add(this::restartPostgres);
            }
            if (i == 2) {
                faults.add(this::terminateConnections);
            }
        }
        return faults;
    }

    private void startBatch(int from, int count) {
        for (int tries = 0; ; tries++) {
            PayaraProcess server = anyLive();
            try {
                var response = server.call("POST", "/chaos/api/chaos/start?from=" + from + "&count=" + count,
                        Duration.ofMinutes(1));
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // that instance is going down: send the batch again elsewhere (the keys make it idempotent)
            }
            if (tries > 600) {
                throw new AssertionError("no instance took the batch from " + from);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            collectRestarts();
        }
    }

    private PayaraProcess anyLive() {
        List<PayaraProcess> live = new ArrayList<>();
        for (PayaraProcess server : servers) {
            if (server != null) {
                live.add(server);
            }
        }
        return live.get(random.nextInt(live.size()));
    }

    private int liveIndex() {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < servers.length; i++) {
            if (servers[i] != null) {
                live.add(i);
            }
        }
        if (live.size() < 2) {
            return -1; // keep one instance up to take the work over
        }
        return live.get(random.nextInt(live.size()));
    }

    private void killOne() {
        int index = liveIndex();
        if (index < 0) {
            faults.add("kill skipped (one instance up)");
            return;
        }
        PayaraProcess victim = servers[index];
        servers[index] = null;
        try {
            List<String> owners = workersOf(victim.pid());
            int inFlight = owners.isEmpty() ? 0 : runningOf(owners);
            long killed = System.nanoTime();
            victim.kill9();
            faults.add("kill -9 instance " + index + " (" + owners.size() + " worker(s), " + inFlight
                    + " task(s) in flight)");
            restartLater(index);
            if (inFlight > 0) {
                while (runningOf(owners) > 0) {
                    if (System.nanoTime() - killed > TimeUnit.MINUTES.toNanos(2)) {
                        throw new AssertionError("the killed instance's tasks were never taken over");
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
                takeovers.add(Duration.ofNanos(System.nanoTime() - killed).toMillis());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void terminateOne() {
        int index = liveIndex();
        if (index < 0) {
            return;
        }
        PayaraProcess victim = servers[index];
        servers[index] = null;
        try {
            Duration exit = victim.sigterm(Duration.ofMinutes(1));
            faults.add("SIGTERM instance " + index + " (exit " + exit.toMillis() + " ms)");
            restartLater(index);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void restartPostgres() {
        try {
            String version = Files.list(Path.of("/etc/postgresql")).findFirst().orElseThrow().getFileName().toString();
            Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main",
                    "restart").inheritIO().start();
            if (!restart.waitFor(2, TimeUnit.MINUTES) || restart.exitValue() != 0) {
                throw new AssertionError("PostgreSQL did not restart");
            }
            faults.add("PostgreSQL restart");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void terminateConnections() {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            faults.add("pg_terminate_backend of " + rows.getInt(1) + " connections");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void restartLater(int index) {
        restarting.put(index, CompletableFuture.supplyAsync(() -> startInstance(index)));
    }

    private void collectRestarts() {
        restarting.entrySet().removeIf(entry -> {
            if (entry.getValue().isDone()) {
                servers[entry.getKey()] = entry.getValue().join();
                return true;
            }
            return false;
        });
    }

    private Connection connect() throws SQLException {
        SQLException last = null;
        for (int tries = 0; tries < 100; tries++) {
            try {
                return DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
            } catch (SQLException e) {
                last = e; // PostgreSQL restarting
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
        throw last;
    }

    private List<String> workersOf(long pid) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id FROM stent_worker WHERE pid = ? AND stopped_at IS NULL")) {
            statement.setLong(1, pid);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private int runningOf(List<String> owners) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM stent_task"
                     + " WHERE status = 'RUNNING' AND lease_owner = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", owners.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private long awaitAllCompleted(int workflows) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            collectRestarts();
            if (count("SELECT COUNT(*) FROM stent_execution WHERE idempotency_key LIKE 'chaos-%'"
                    + " AND status = 'COMPLETED'") == workflows) {
                return System.nanoTime();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new AssertionError("not every workflow completed: " + report(Duration.ZERO).table());
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Report report(Duration lastFaultToAllDone) throws SQLException {
        String transactional = "('" + String.join("', '", TRANSACTIONAL) + "')";
        int duplicates = count("SELECT COUNT(*) FROM (SELECT tag, what FROM chaos_effect WHERE what IN "
                + transactional + " GROUP BY tag, what HAVING COUNT(*) > 1) d");
        int completed = count("SELECT COUNT(*) FROM stent_execution WHERE idempotency_key LIKE 'chaos-%'"
                + " AND status = 'COMPLETED'");
        int present = count("SELECT COUNT(*) FROM (SELECT DISTINCT tag, what FROM chaos_effect WHERE what IN "
                + transactional + ") p");
        int spent = count("SELECT COUNT(*) FROM stent_execution WHERE idempotency_key LIKE 'chaos-%' AND attempts > 1")
                + count("SELECT COUNT(*) FROM stent_step s JOIN stent_execution e ON e.id = s.execution_id"
                + " WHERE e.idempotency_key LIKE 'chaos-%' AND s.attempts > 1");
        int deadLetters = count("SELECT COUNT(*) FROM stent_dead_letter");
        List<String> findings = new ArrayList<>();
        findings.addAll(rows("SELECT 'execution ' || id || ' spent ' || attempts || ' attempts: ' || LEFT(COALESCE(error,"
                + " ''), 400) FROM stent_execution WHERE idempotency_key LIKE 'chaos-%' AND attempts > 1 LIMIT 5"));
        findings.addAll(rows("SELECT 'step ' || s.function_name || ' of ' || s.execution_id || ' took ' || s.attempts"
                + " || ' attempts' FROM stent_step s JOIN stent_execution e ON e.id = s.execution_id"
                + " WHERE e.idempotency_key LIKE 'chaos-%' AND s.attempts > 1 LIMIT 5"));
        findings.addAll(rows("SELECT 'duplicate ' || what || ' of ' || tag FROM chaos_effect WHERE what IN "
                + transactional + " GROUP BY tag, what HAVING COUNT(*) > 1 LIMIT 5"));
        return new Report(plan.workflows(), completed, duplicates, completed * TRANSACTIONAL.length - present, spent,
                deadLetters, List.copyOf(takeovers), lastFaultToAllDone, List.copyOf(faults), findings);
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        }
    }

    private static void closeQuietly(PayaraProcess server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
