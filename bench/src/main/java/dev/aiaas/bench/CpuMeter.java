package dev.aiaas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU time spent so far by something, in nanoseconds, to tell over a measurement window how
 * many cores it kept busy: a process (from the operating system's accounting, in clock ticks)
 * or the Java threads of this JVM whose names start with given prefixes.
 */
public interface CpuMeter {

    /** Measures nothing; shown as "-". */
    CpuMeter NONE = () -> -1;

    /** CPU time so far, or -1 when unknown. */
    long cpuNanos();

    /** The user and system time of process {@code pid} and all its threads (native ones included). */
    static CpuMeter process(long pid) {
        return () -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos)
                .orElse(-1L);
    }

    /** This JVM as a whole. */
    static CpuMeter thisProcess() {
        return process(ProcessHandle.current().pid());
    }

    /**
     * The Java threads of this JVM named with one of {@code prefixes}: the load generator's own
     * threads, so that the in-process Kafka broker and the stack's other work in this JVM are
     * not counted as the client's. See {@link ThreadCpuMeter} for threads that come and go.
     */
    static CpuMeter threads(List<String> prefixes) {
        return new ThreadCpuMeter(prefixes);
    }

    /**
     * Every process of the machine together, from {@code /proc/stat} (user, nice, system, irq,
     * softirq and steal time; USER_HZ = 100, as on every Linux since 2.6).
     */
    static CpuMeter machine() {
        return () -> {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                    busy += Long.parseLong(fields[i]);
                }
                return busy * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        };
    }

    /** Cores kept busy between two readings {@code wallNanos} apart; NaN when either reading is unknown. */
    static double cores(long before, long after, long wallNanos) {
        if (before < 0 || after < 0 || wallNanos <= 0) {
            return Double.NaN;
        }
        return (double) (after - before) / wallNanos;
    }
}
