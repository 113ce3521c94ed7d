package io.stent.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A domain of the full Payara Server, created by a test in a directory of its own, with a port
 * base of its own and every listener on loopback, and deleted when the test closes it.
 */
public final class PayaraServer implements AutoCloseable {

    private static final String DOMAIN = "stent-it";

    private final Path installRoot;
    private final Path domains;
    private final int portBase;
    private final Map<String, String> environment;
    private final Path log;

    private PayaraServer(Path installRoot, Path domains, int portBase, Map<String, String> environment, Path log) {
        this.installRoot = installRoot;
        this.domains = domains;
        this.portBase = portBase;
        this.environment = environment;
        this.log = log;
    }

    /**
     * Creates a domain.
     *
     * @param installRoot the unpacked distribution's {@code payara6} directory
     * @param domains where the domain goes
     * @param environment environment variables of the server (MicroProfile Config reads them)
     * @return the domain, not started
     * @throws Exception if it cannot be created
     */
    public static PayaraServer create(Path installRoot, Path domains, Map<String, String> environment)
            throws Exception {
        Files.createDirectories(domains);
        PayaraServer server = new PayaraServer(installRoot, domains, freePortBase(), environment,
                domains.resolve("asadmin.log"));
        server.asadmin(Duration.ofMinutes(3), "create-domain", "--nopassword=true", "--portbase",
                Integer.toString(server.portBase), "--domaindir", domains.toString(), DOMAIN);
        server.onLoopbackOnly();
        return server;
    }

    private static int freePortBase() throws IOException {
        for (int tries = 0; tries < 50; tries++) {
            int base = 20_000 + 100 * ThreadLocalRandom.current().nextInt(400);
            if (free(base, 9, 37, 38, 39, 48, 49, 59, 76, 80, 81, 86)) {
                return base;
            }
        }
        throw new IOException("no free port base for a Payara domain");
    }

    private static boolean free(int base, int... offsets) {
        for (int offset : offsets) {
            try (ServerSocket socket = new ServerSocket(base + offset, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Binds every listener of the domain to loopback, and keeps its data grid to itself. */
    private void onLoopbackOnly() throws IOException {
        Path xml = domainDir().resolve("config/domain.xml");
        String config = Files.readString(xml)
                .replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port=")
                .replace("type=\"EMBEDDED\"", "type=\"DISABLED\"") // the JMS broker would listen on every address
                .replaceAll("<hazelcast-config-specific-configuration([\\s>])",
                        "<hazelcast-config-specific-configuration enabled=\"false\"$1")
                .replace("<hazelcast-runtime-configuration ",
                        "<hazelcast-runtime-configuration interface=\"127.0.0.1\" das-bind-address=\"127.0.0.1\" ");
        Files.writeString(xml, config);
    }

    private Path domainDir() {
        return domains.resolve(DOMAIN);
    }

    /**
     * Starts the domain and waits until its admin port answers.
     *
     * @throws Exception if it does not start
     */
    public void start() throws Exception {
        asadmin(Duration.ofMinutes(5), "start-domain", "--domaindir", domains.toString(), DOMAIN);
    }

    /**
     * Deploys an application.
     *
     * @param war the archive
     * @throws Exception if the deployment fails
     */
    public void deploy(Path war) throws Exception {
        asadmin(Duration.ofMinutes(5), "--port", Integer.toString(portBase + 48), "deploy", "--force=true",
                war.toString());
    }

    /**
     * HTTP access to the domain's applications.
     *
     * @return the access
     */
    public ServerHttp http() {
        return new ServerHttp("http://127.0.0.1:" + (portBase + 80), this::alive, this::logTail);
    }

    private boolean alive() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private java.util.Optional<Long> pid() {
        try {
            return java.util.Optional.of(Long.parseLong(Files.readString(domainDir().resolve("config/pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Kills the server with SIGKILL, as a crash would, and waits until it is gone.
     *
     * @throws Exception if it does not die
     */
    public void kill9() throws Exception {
        long pid = pid().orElseThrow(() -> new AssertionError("the domain has no pid file"));
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        process.onExit().get(30, TimeUnit.SECONDS);
        Files.deleteIfExists(domainDir().resolve("config/pid"));
    }

    /**
     * The embedded H2 database of the domain's default datasource, without {@code .mv.db}.
     *
     * @return the path
     */
    public Path defaultDatabase() {
        return domainDir().resolve("lib/databases/embedded_default");
    }

    /**
     * The server log so far.
     *
     * @return the log
     * @throws IOException if it cannot be read
     */
    public String serverLog() throws IOException {
        Path server = domainDir().resolve("logs/server.log");
        return Files.exists(server) ? Files.readString(server) : "";
    }

    private String logTail() {
        try {
            List<String> lines = serverLog().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void asadmin(Duration timeout, String... arguments) throws Exception {
        // Through sh: an unpacked archive does not keep the script's executable bit.
        List<String> command = new ArrayList<>(List.of("sh", installRoot.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + String.join(" ", arguments) + " did not finish in " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("asadmin " + String.join(" ", arguments) + " failed:\n" + Files.readString(log)
                    + "\n" + logTail());
        }
    }

    @Override
    public void close() throws Exception {
        if (alive()) {
            try {
                asadmin(Duration.ofMinutes(2), "stop-domain", "--domaindir", domains.toString(), DOMAIN);
            } catch (AssertionError e) {
                kill9();
            }
        }
    }
}
