package io.stent.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One Payara Micro server process started by a test, on loopback, without clustering. Close it
 * in a finally block (or try-with-resources).
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param rootDir Payara's root directory (holds the embedded H2 database)
     * @param log where the server's output goes
     * @param env extra environment variables (MicroProfile Config reads them)
     * @param args extra Payara Micro arguments, e.g. {@code --deploy app.war}
     * @return the running process
     * @throws IOException if it cannot be started
     */
    public static PayaraProcess start(Path rootDir, Path log, Map<String, String> env, List<String> args)
            throws IOException {
        return start(rootDir, log, env, args, freePort());
    }

    /**
     * Starts a server on a port chosen beforehand (when its settings must name its own address).
     *
     * @param rootDir Payara's root directory
     * @param log where the server's output goes
     * @param env extra environment variables
     * @param args extra Payara Micro arguments
     * @param port its HTTP port, see {@link #freeLoopbackPort()}
     * @return the running process
     * @throws IOException if it cannot be started
     */
    public static PayaraProcess start(Path rootDir, Path log, Map<String, String> env, List<String> args, int port)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC",
                "-jar", System.getProperty("payara.microJar"),
                "--nocluster", "--rootdir", rootDir.toString(), "--port", Integer.toString(port)));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new PayaraProcess(builder.start(), log, port);
    }

    /**
     * A loopback port free now.
     *
     * @return the port
     * @throws IOException if none can be had
     */
    public static int freeLoopbackPort() throws IOException {
        return freePort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The server's process id.
     *
     * @return the pid
     */
    public long pid() {
        return process.pid();
    }

    /**
     * The base URL, e.g. {@code http://127.0.0.1:PORT}.
     *
     * @return the URL
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * HTTP access to the server.
     *
     * @return the access
     */
    public ServerHttp http() {
        return new ServerHttp(baseUrl(), process::isAlive, this::logTail);
    }

    /**
     * Sends a request and returns the body.
     *
     * @param method GET or POST
     * @param path the path after the base URL
     * @return the status code and body
     * @throws IOException on a connection failure
     */
    public HttpResponse<String> call(String method, String path) throws IOException {
        return http().call(method, path, Duration.ofSeconds(30));
    }

    /**
     * Sends a request that may take long and returns the body.
     *
     * @param method GET or POST
     * @param path the path after the base URL
     * @param timeout how long to wait for the answer
     * @return the status code and body
     * @throws IOException on a connection failure
     */
    public HttpResponse<String> call(String method, String path, Duration timeout) throws IOException {
        return http().call(method, path, timeout);
    }

    /**
     * Polls {@code path} with GET until the body satisfies {@code done}, the deadline passes, or
     * the process dies.
     *
     * @param path the path to poll
     * @param done the condition on the body
     * @param timeout the deadline
     * @return the last body
     */
    public String awaitBody(String path, Predicate<String> done, Duration timeout) {
        return http().awaitBody(path, done, timeout);
    }

    /**
     * Kills the server with SIGKILL, as a crash would, and waits until it is gone.
     *
     * @throws Exception if it does not die
     */
    public void kill9() throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server survived kill -9");
        }
    }

    /**
     * The last lines of the server log.
     *
     * @return the tail
     */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Sends SIGTERM, as a container manager or {@code kill} would, and waits until the server has
     * exited.
     *
     * @param timeout how long to wait for the exit
     * @return how long the exit took
     * @throws Exception if it does not exit in time
     */
    public Duration sigterm(Duration timeout) throws Exception {
        long sent = System.nanoTime();
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not exit within " + timeout + " of SIGTERM\n" + logTail());
        }
        return Duration.ofNanos(System.nanoTime() - sent);
    }

    /**
     * The server's whole log so far.
     *
     * @return the log
     * @throws IOException if it cannot be read
     */
    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
