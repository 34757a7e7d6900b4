package dev.aiaas.localstack;

import dev.aiaas.security.ClientTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * Waits until every started service answers gRPC health SERVING, each watched on its own
 * thread so that one slow service does not delay noticing the others. Prints a line as each
 * becomes ready and, while some are still starting, a reminder of which every
 * {@value #HEARTBEAT_SECONDS} s. A service whose process exits fails the wait at once with the
 * end of its log.
 */
final class ReadinessWatch {

    private static final int TAIL_LINES = 30;
    private static final long HEARTBEAT_SECONDS = 15;
    private static final long POLL_MILLIS = 200;

    private final Progress progress;
    private final ClientTransport transport;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<ServiceName, ServingStatus> lastAnswer = new ConcurrentHashMap<>();

    ReadinessWatch(Progress progress, ClientTransport transport) {
        this.progress = progress;
        this.transport = transport;
    }

    /**
     * @param cancelled polled while waiting; {@code true} stops the wait (the stack is closing)
     * @throws StackStartException when a service exits, the timeout passes, or it is cancelled
     */
    void await(List<ServiceProcess> services, Duration timeout, BooleanSupplier cancelled) {
        ExecutorService threads = Executors.newFixedThreadPool(services.size(), runnable -> {
            Thread thread = new Thread(runnable, "aiaas-readiness");
            thread.setDaemon(true);
            return thread;
        });
        Map<ServiceProcess, CompletableFuture<Void>> watches = new LinkedHashMap<>();
        services.forEach(service -> watches.put(service,
                CompletableFuture.runAsync(() -> watch(service), threads)));
        try {
            waitForAll(watches, timeout, cancelled);
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
    }

    private void waitForAll(Map<ServiceProcess, CompletableFuture<Void>> watches, Duration timeout,
            BooleanSupplier cancelled) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextHeartbeat = start + TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS);
        CompletableFuture<Void> all = CompletableFuture.allOf(watches.values().toArray(CompletableFuture[]::new));
        while (!all.isDone()) {
            watches.values().stream().filter(CompletableFuture::isCompletedExceptionally).findFirst()
                    .ifPresent(ReadinessWatch::rethrow);
            if (cancelled.getAsBoolean()) {
                throw new StackStartException("stopped while waiting for the services to become ready");
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw timedOut(waiting(watches), timeout);
            }
            if (now > nextHeartbeat) {
                progress.step("still waiting for " + describe(waiting(watches)));
                nextHeartbeat = now + TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS);
            }
            sleep();
        }
        watches.values().forEach(ReadinessWatch::rethrowIfFailed);
    }

    private void watch(ServiceProcess service) {
        try (HealthProbe probe = new HealthProbe(ServiceEnvironment.HOST, service.port(), transport)) {
            while (!stop.get()) {
                if (!service.isAlive()) {
                    throw exited(service);
                }
                ServingStatus status = probe.check();
                lastAnswer.put(service.service(), status);
                if (status == ServingStatus.SERVING) {
                    progress.step(service.service().id() + " SERVING on " + service.address());
                    return;
                }
                sleep();
            }
        }
    }

    private static StackStartException exited(ServiceProcess service) {
        return new StackStartException(service.service().id() + " exited with code " + service.exitCode()
                + " before it was ready. Last lines of " + service.log() + ":\n"
                + LogTail.of(service.log(), TAIL_LINES) + "\n(fix the cause above, then run ./aiaas up again;"
                + " the whole log is " + service.log() + ")");
    }

    private StackStartException timedOut(List<ServiceProcess> waiting, Duration timeout) {
        String logs = waiting.stream().map(service -> service.log().toString()).collect(Collectors.joining(", "));
        return new StackStartException(describe(waiting) + " did not answer SERVING within " + timeout.toSeconds()
                + " s. Their logs: " + logs + ". On a busy machine give them longer: AIAAS_READY_TIMEOUT="
                + timeout.toSeconds() * 2 + " ./aiaas up");
    }

    private String describe(List<ServiceProcess> waiting) {
        return waiting.stream()
                .map(service -> service.service().id() + " (" + answer(service.service()) + ")")
                .collect(Collectors.joining(", "));
    }

    private String answer(ServiceName service) {
        ServingStatus status = lastAnswer.get(service);
        return status == null || status == ServingStatus.UNKNOWN ? "no answer yet" : status.name();
    }

    private static List<ServiceProcess> waiting(Map<ServiceProcess, CompletableFuture<Void>> watches) {
        List<ServiceProcess> waiting = new ArrayList<>();
        watches.forEach((service, watch) -> {
            if (!watch.isDone()) {
                waiting.add(service);
            }
        });
        return waiting;
    }

    private static void rethrowIfFailed(CompletableFuture<Void> watch) {
        if (watch.isCompletedExceptionally()) {
            rethrow(watch);
        }
    }

    private static void rethrow(CompletableFuture<Void> failed) {
        try {
            failed.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while waiting for the services to become ready", e);
        }
    }
}
