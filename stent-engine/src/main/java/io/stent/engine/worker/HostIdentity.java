package io.stent.engine.worker;

import io.stent.engine.store.WorkerRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a worker runs, precisely enough to check its process: the host name with the kernel's boot
 * id and the process-id namespace (Linux). Two workers with the same identity see each other's
 * process ids, so one can tell at once that the other's process is gone, for example after the
 * server was killed and restarted on the same machine. Where the boot id or namespace cannot be
 * read, no process is ever judged from here and leases decide.
 */
final class HostIdentity {

    private final String identity;
    private final boolean checksProcesses;

    private HostIdentity(String identity, boolean checksProcesses) {
        this.identity = identity;
        this.checksProcesses = checksProcesses;
    }

    static HostIdentity current() {
        String host = hostName();
        Optional<String> boot = read(() -> Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim());
        Optional<String> namespace = read(() -> Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
        if (boot.isPresent() && namespace.isPresent()) {
            return new HostIdentity(host + "|" + boot.get() + "|" + namespace.get(), true);
        }
        return new HostIdentity(host, false);
    }

    /** An identity that never judges another worker's process (process checks are turned off). */
    static HostIdentity unchecked() {
        return new HostIdentity(hostName() + "|unchecked-" + java.util.UUID.randomUUID(), false);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    private interface Reading {
        String read() throws Exception;
    }

    private static Optional<String> read(Reading reading) {
        try {
            String value = reading.read();
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    String value() {
        return identity.length() <= 255 ? identity : identity.substring(0, 255);
    }

    /** Whether the worker's process is known to be gone: it ran here, and its process no longer does. */
    boolean processGone(WorkerRecord worker) {
        if (!checksProcesses || !value().equals(worker.host())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(worker.pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        if (worker.processStartedAt() == null) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        // Another process that reuses the id started at another time.
        return started.isPresent() && Duration.between(started.get(), worker.processStartedAt().toInstant()).abs()
                .compareTo(Duration.ofSeconds(2)) > 0;
    }

    static java.time.OffsetDateTime processStart() {
        return ProcessHandle.current().info().startInstant()
                .map(instant -> instant.atOffset(java.time.ZoneOffset.UTC)).orElse(null);
    }
}
