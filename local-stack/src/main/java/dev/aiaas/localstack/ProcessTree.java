package dev.aiaas.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Stops processes together with everything they started: SIGTERM to each process and each
 * descendant, a grace period for a clean shutdown, then SIGKILL to whatever is still alive.
 * Descendants are collected before the first signal, because a child whose parent has exited
 * is re-parented and can no longer be found from it.
 */
final class ProcessTree {

    private static final long POLL_MILLIS = 100;
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private ProcessTree() {
    }

    /**
     * Terminates {@code roots} and their descendants.
     *
     * @return the processes still alive afterwards (empty unless even SIGKILL did not work)
     */
    static List<ProcessHandle> terminate(List<ProcessHandle> roots, Duration grace) {
        Set<ProcessHandle> all = withDescendants(roots);
        all.forEach(ProcessHandle::destroy);
        if (awaitExit(all, grace)) {
            return List.of();
        }
        all.stream().filter(ProcessTree::isRunning).forEach(ProcessHandle::destroyForcibly);
        awaitExit(all, AFTER_KILL);
        return all.stream().filter(ProcessTree::isRunning).toList();
    }

    /** The given processes and all their living descendants, roots first. */
    static Set<ProcessHandle> withDescendants(List<ProcessHandle> roots) {
        Set<ProcessHandle> all = new LinkedHashSet<>(roots);
        roots.forEach(root -> root.descendants().forEach(all::add));
        return all;
    }

    /** Waits until none of {@code processes} is running; {@code false} if time ran out first. */
    static boolean awaitExit(Set<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessTree::isRunning)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** {@code 123, 456} for a message. */
    static String pids(List<ProcessHandle> processes) {
        return processes.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(", "));
    }

    /** The running ones among {@code processes}. */
    static List<ProcessHandle> alive(Set<ProcessHandle> processes) {
        return new ArrayList<>(processes.stream().filter(ProcessTree::isRunning).toList());
    }

    /**
     * Alive and not a zombie. A process that has exited but whose parent has not collected it yet
     * (a launcher started from a script that is busy) still counts as alive for
     * {@link ProcessHandle#isAlive()}, yet holds nothing any more.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // "pid (command) state ...": the command may contain spaces and parentheses.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no /proc (not Linux) or the process is gone
        }
    }
}
