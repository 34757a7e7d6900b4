package dev.aiaas.localstack;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Restarts a service whose process exits while the stack runs (a crash, {@code kill -9}, an
 * {@code OutOfMemoryError}), with the same command, port and environment, after a
 * {@link RestartBackoff} delay, and prints a line for each exit and each restart:
 *
 * <pre>
 * [ 95.2s] serving exited with code 137 after 42 s; restart 1 in 1 s (log .aiaas/logs/serving.log)
 * [ 96.2s] serving restarted (pid 1234)
 * </pre>
 *
 * Once {@link #close()} has returned, or while {@code stopping} says so, no exit leads to a
 * restart: the stack is stopping its services on purpose. A restart in progress when
 * {@code close()} is called finishes first, including its {@code onRestart} call, so that
 * whoever stops the services next sees the new process.
 */
final class ServiceSupervisor implements AutoCloseable {

    private final Progress progress;
    private final RestartBackoff policy;
    private final BooleanSupplier stopping;
    private final Consumer<ServiceProcess> onRestart;
    private final ScheduledExecutorService scheduler;
    private final Map<ServiceName, RestartBackoff> backoffs = new EnumMap<>(ServiceName.class);
    private boolean closed;

    /**
     * @param stopping  {@code true} once the stack has begun to stop: exits from then on are expected
     * @param onRestart told of each new process, on the supervisor's thread, before the next exit
     *                  of any service is handled; what it throws is printed
     */
    ServiceSupervisor(Progress progress, RestartBackoff policy, BooleanSupplier stopping,
            Consumer<ServiceProcess> onRestart) {
        this.progress = progress;
        this.policy = policy;
        this.stopping = stopping;
        this.onRestart = onRestart;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "aiaas-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
    }

    /** Restarts {@code process} when it exits, and each process that replaces it after that. */
    void watch(ServiceProcess process) {
        // Exits are handled on the supervisor's one thread, in turn, never on the JDK's shared pool.
        process.whenExited(() -> submit(() -> exited(process), Duration.ZERO));
    }

    private synchronized void exited(ServiceProcess process) {
        // Ctrl-C reaches the services too (one process group); the launcher's shutdown hook has
        // marked the stack as stopping by the time they have shut down.
        if (isStopping()) {
            return;
        }
        Duration uptime = process.uptime();
        RestartBackoff backoff = nextBackoff(process.service(), uptime);
        progress.step(String.format(Locale.ROOT, "%s exited with code %d after %d s; restart %d in %s (log %s)",
                process.service().id(), process.exitCode(), uptime.toSeconds(), process.restarts() + 1,
                seconds(backoff.delay()), process.log()));
        submit(() -> restart(process), backoff.delay());
    }

    private synchronized void restart(ServiceProcess exited) {
        if (isStopping()) {
            return;
        }
        ServiceProcess restarted;
        try {
            restarted = exited.restart();
        } catch (StackStartException e) {
            RestartBackoff backoff = nextBackoff(exited.service(), Duration.ZERO);
            progress.step(e.getMessage() + "; trying again in " + seconds(backoff.delay()));
            submit(() -> restart(exited), backoff.delay());
            return;
        }
        progress.step(restarted.service().id() + " restarted (pid " + restarted.pid() + ")");
        try {
            onRestart.accept(restarted);
        } catch (RuntimeException e) {
            progress.step("could not record the restart of " + restarted.service().id() + ": " + e.getMessage());
        }
        watch(restarted);
    }

    private RestartBackoff nextBackoff(ServiceName service, Duration uptime) {
        RestartBackoff next = backoffs.getOrDefault(service, policy).afterExit(uptime);
        backoffs.put(service, next);
        return next;
    }

    private void submit(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nothing is restarted any more
        }
    }

    private boolean isStopping() {
        return closed || stopping.getAsBoolean();
    }

    /** {@code 1 s}, or {@code 0.25 s} for the short delays of tests. */
    private static String seconds(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.2f s", delay.toMillis() / 1000.0);
    }

    /** Stops restarting; waits for a restart in progress, which holds the lock, to finish. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        scheduler.shutdownNow();
    }
}
