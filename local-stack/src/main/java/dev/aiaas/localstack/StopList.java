package dev.aiaas.localstack;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What has been started, to be stopped in reverse order: services before the servers they use.
 * Each entry is registered before its start begins and stops only what did start.
 * Something added after {@link #stopAll()} (a server whose start was already under way when the
 * stack was told to stop) is stopped at once, so nothing is left behind.
 */
final class StopList {

    /** Something to stop; the name appears only if it fails (each resource reports its own stop). */
    private record Entry(String name, AutoCloseable resource) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Progress progress;
    private boolean stopped;

    StopList(Progress progress) {
        this.progress = progress;
    }

    void add(String name, AutoCloseable resource) {
        synchronized (this) {
            if (!stopped) {
                entries.push(new Entry(name, resource));
                return;
            }
        }
        stop(new Entry(name, resource));
    }

    /** Stops everything added so far, last added first. Failures are printed, not thrown. */
    void stopAll() {
        while (true) {
            Entry next;
            synchronized (this) {
                stopped = true;
                next = entries.poll();
            }
            if (next == null) {
                return;
            }
            stop(next);
        }
    }

    private void stop(Entry entry) {
        try {
            entry.resource().close();
        } catch (Exception e) {
            progress.step(entry.name() + " did not stop cleanly: " + e.getMessage());
        }
    }
}
