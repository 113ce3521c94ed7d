package io.stent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time the machine spent, read from Linux's {@code /proc}: in total and in the PostgreSQL and
 * Java processes. Work divided by CPU time varies far less with a shared machine's load than work
 * divided by elapsed time, so the benchmark reports both.
 *
 * @param busyMillis CPU time of the whole machine, idle and I/O wait excluded
 * @param postgresMillis CPU time of the processes named {@code postgres} alive at the reading
 * @param javaMillis CPU time of the processes named {@code java} alive at the reading
 * @param stealMillis time the hypervisor gave this machine's CPUs to others while they had work
 */
public record MachineCpu(long busyMillis, long postgresMillis, long javaMillis, long stealMillis) {

    /** Linux reports CPU time in ticks of this many milliseconds (USER_HZ = 100). */
    private static final long TICK_MILLIS = 10;

    /**
     * Reads the CPU time spent so far.
     *
     * @return the reading, or empty where {@code /proc} cannot be read
     */
    public static Optional<MachineCpu> read() {
        try {
            String[] total = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // Busy: user, nice, system, irq, softirq. Idle (4) and iowait (5) are idle; steal (8) is apart.
            long busy = Long.parseLong(total[1]) + Long.parseLong(total[2]) + Long.parseLong(total[3])
                    + Long.parseLong(total[6]) + Long.parseLong(total[7]);
            long postgres = 0;
            long java = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long[] used = processTicks(process);
                    if (used[0] == 1) {
                        postgres += used[1];
                    } else if (used[0] == 2) {
                        java += used[1];
                    }
                }
            }
            long steal = total.length > 8 ? Long.parseLong(total[8]) : 0;
            return Optional.of(new MachineCpu(busy * TICK_MILLIS, postgres * TICK_MILLIS, java * TICK_MILLIS,
                    steal * TICK_MILLIS));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {kind (0 other, 1 postgres, 2 java), user + system ticks}; a process gone meanwhile counts as other. */
    private static long[] processTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String name = stat.substring(open + 1, close);
            long kind = name.equals("postgres") ? 1 : name.equals("java") ? 2 : 0;
            if (kind == 0) {
                return new long[] {0, 0};
            }
            // Fields after the name start at field 3 (state); utime and stime are fields 14 and 15.
            String[] fields = stat.substring(close + 2).split(" ");
            return new long[] {kind, Long.parseLong(fields[11]) + Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * The CPU time spent between an earlier reading and this one.
     *
     * @param earlier the earlier reading
     * @return the difference
     */
    public MachineCpu since(MachineCpu earlier) {
        return new MachineCpu(busyMillis - earlier.busyMillis, postgresMillis - earlier.postgresMillis,
                javaMillis - earlier.javaMillis, stealMillis - earlier.stealMillis);
    }
}
