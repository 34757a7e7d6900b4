package dev.aiaas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of the Java threads whose names start with given prefixes, counted as the sum of
 * each thread's growth between readings. A plain sum over the threads alive at each reading
 * would drop the whole past of a thread that ends in between (the selector thread of a
 * finished case's HTTP client, collected meanwhile) and report less than nothing. The first
 * reading is the baseline; a thread first seen later counts from its start.
 */
final class ThreadCpuMeter implements CpuMeter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<String> prefixes;
    private final Map<Long, Long> lastSeen = new HashMap<>();
    private long total;
    private boolean first = true;

    ThreadCpuMeter(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    @Override
    public synchronized long cpuNanos() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || prefixes.stream().noneMatch(info.getThreadName()::startsWith)) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue; // ended since the list was taken
            }
            Long previous = lastSeen.put(info.getThreadId(), cpu);
            if (previous != null) {
                total += cpu - previous;
            } else if (!first) {
                total += cpu;
            }
        }
        first = false;
        return total;
    }
}
