package dev.aiaas.localstack;

import dev.aiaas.security.ClientTransport;
import dev.aiaas.security.LocalKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The whole suite on one machine: PostgreSQL, Kafka and S3Proxy, then the six services as
 * separate JVMs, ready when every service answers gRPC health SERVING. Used by
 * {@code ./aiaas up} and by the end-to-end tests.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackOptions.defaults(root).withFreePorts())) {
 *     String registry = stack.service(ServiceName.REGISTRY).address();
 * }
 * }</pre>
 *
 * After the start, {@link #supervise} restarts services that exit ({@code ./aiaas up} does).
 * {@link #close()} stops the services (SIGTERM, SIGKILL after {@value #STOP_GRACE_SECONDS} s,
 * descendants included), then S3Proxy, Kafka and PostgreSQL. It may be called from a shutdown
 * hook while the stack is still starting: the start stops at its next step and everything
 * started so far is stopped.
 */
public final class LocalStack implements AutoCloseable {

    static final long STOP_GRACE_SECONDS = 15;
    /** Longest a close waits for a start in progress to notice it and stop. */
    private static final long START_ABORT_WAIT_SECONDS = 90;

    private final StackOptions options;
    private final Progress progress;
    private final StopList stopList;
    private final ReentrantLock startLock = new ReentrantLock();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private volatile boolean closing;
    private List<String> skipped = List.of();
    private BackingEndpoints endpoints;
    private BackingServers servers;
    private Duration timeToReady;

    private LocalStack(StackOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
        this.stopList = new StopList(progress);
    }

    /** Starts the stack, printing progress to standard output, and returns once it is ready. */
    public static LocalStack start(StackOptions options) {
        return start(options, new Progress(System.out));
    }

    /**
     * Starts the stack and returns once every service answers SERVING.
     *
     * @throws StackStartException when something cannot start; whatever had started is stopped
     *                             again and the message says what to do
     */
    public static LocalStack start(StackOptions options, Progress progress) {
        LocalStack stack = prepare(options, progress);
        stack.boot();
        return stack;
    }

    /**
     * A stack that has not started yet: register {@link #close()} as a shutdown hook, then
     * {@link #boot()}, so that a signal during the start stops what has started.
     */
    public static LocalStack prepare(StackOptions options, Progress progress) {
        return new LocalStack(options, progress);
    }

    /** Starts everything and waits until every service is SERVING. */
    public void boot() {
        startLock.lock();
        try {
            JavaRuntime.requireSupported();
            LauncherLogging.kafkaToFile(options.logDir().resolve("kafka.log"));
            ServiceJars jars = ServiceJars.locate(options);
            skipped = jars.skipped();
            skipped.forEach(reason -> progress.step("leaving out " + reason));
            Map<ServiceName, Integer> ports = PortPlan.resolve(options, jars.jars().keySet());
            Map<ServiceName, Integer> managementPorts = PortPlan.management(jars.jars().keySet());
            requireNotClosing();
            progress.step("starting postgres, kafka and s3 (data in " + options.home() + ")");
            servers = new BackingServers(options, progress);
            stopList.add("the servers", servers);
            endpoints = servers.start();
            stopList.add(processesLabel(jars.jars().size()), this::stopServices);
            for (Map.Entry<ServiceName, Path> jar : jars.jars().entrySet()) {
                requireNotClosing();
                launch(jar.getKey(), jar.getValue(), ports, managementPorts.get(jar.getKey()));
            }
            new ReadinessWatch(progress, transport()).await(List.copyOf(processes), options.readyTimeout(), () -> closing);
            timeToReady = Duration.ofNanos((long) (progress.elapsedSeconds() * 1e9));
        } catch (RuntimeException e) {
            stopAndClean();
            throw e;
        } finally {
            startLock.unlock();
        }
    }

    private void launch(ServiceName service, Path jar, Map<ServiceName, Integer> ports, int managementPort) {
        Map<String, String> env = ServiceEnvironment.of(service, ports, managementPort, endpoints, options);
        ServiceProcess process = ServiceProcess.launch(service, jar, ports.get(service), env, options);
        synchronized (processes) {
            processes.add(process);
        }
        progress.step("started " + service.id() + " (pid " + process.pid() + ", log " + process.log() + ")");
    }

    /** The running services, in table order. */
    public List<RunningService> services() {
        synchronized (processes) {
            return processes.stream().map(this::running).toList();
        }
    }

    private RunningService running(ServiceProcess process) {
        return new RunningService(process.service(), ServiceEnvironment.HOST, process.port(),
                process.managementPort(), process.pid(), process.log(), process.restarts(), transport().tls());
    }

    /**
     * @throws IllegalArgumentException if that service was not started
     */
    public RunningService service(ServiceName name) {
        return services().stream().filter(s -> s.name() == name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name.id() + " is not part of this stack"));
    }

    /** The stack's token keys, generated on its first start: {@code keys().mint(…)} is a client's token. */
    public LocalKeys keys() {
        return LocalKeys.in(options.home());
    }

    /**
     * How clients reach the services: TLS verified against the stack's CA in {@code <home>/tls},
     * or plain text when the stack was started with TLS off.
     */
    public ClientTransport transport() {
        return ClientTransport.tlsOff(options.environment()) ? ClientTransport.plaintext()
                : ClientTransport.trusting(ClientTransport.localCa(options.home()));
    }

    /** Where PostgreSQL, Kafka and S3 are. */
    public BackingEndpoints endpoints() {
        return endpoints;
    }

    /** From the start of the progress clock until the last service answered SERVING. */
    public Duration timeToReady() {
        return timeToReady;
    }

    /** Services that were asked for but left out, each with the reason. */
    public List<String> skipped() {
        return skipped;
    }

    public StackOptions options() {
        return options;
    }

    /** {@link #supervise(RestartBackoff, Consumer)} with the back-off {@code ./aiaas up} uses (1 s doubling to 30 s). */
    public void supervise(Consumer<RunningService> onRestart) {
        supervise(RestartBackoff.STANDARD, onRestart);
    }

    /**
     * From now until {@link #close()}, restarts each service whose process exits, with the same
     * port and environment, after a delay that {@code backoff} sets; prints each exit and restart.
     * A closing stack restarts nothing, and stops the restarted processes with the rest. Call it
     * once, after the start.
     *
     * @param onRestart told of each restarted service (its new pid and restart count), one at a time
     */
    void supervise(RestartBackoff backoff, Consumer<RunningService> onRestart) {
        ServiceSupervisor supervisor = new ServiceSupervisor(progress, backoff, () -> closing, restarted -> {
            synchronized (processes) {
                processes.replaceAll(p -> p.service() == restarted.service() ? restarted : p);
            }
            onRestart.accept(running(restarted));
        });
        // Added after the services, so stopped before them: no restart races the stop.
        stopList.add("the supervisor", supervisor);
        synchronized (processes) {
            processes.forEach(supervisor::watch);
        }
    }

    /**
     * Starts one more replica of a service of this stack, on a free port, with the environment
     * the first one has (the same database, broker, store and peers) and a log of its own
     * ({@code <service>-<n>.log}); returns once it answers SERVING. Replicas are not supervised
     * and stop with the stack. This is how scale-out is tried on one machine: two serving
     * replicas on one database must serve the same endpoints.
     *
     * @throws IllegalArgumentException if the service is not part of this stack
     */
    public RunningService startReplica(ServiceName service) {
        ServiceProcess first = processFor(service);
        Map<ServiceName, Integer> ports = new java.util.EnumMap<>(ServiceName.class);
        services().forEach(s -> ports.put(s.name(), s.port()));
        int port = PortPlan.anyFree();
        ports.put(service, port);
        ServiceProcess replica;
        synchronized (replicas) {
            if (replicas.isEmpty()) {
                stopList.add("the replicas", this::stopReplicas);
            }
            String instance = service.id() + "-" + (2 + replicas.stream().filter(r -> r.service() == service).count());
            replica = ServiceProcess.launch(service, instance, first.jar(), port,
                    ServiceEnvironment.of(service, ports, PortPlan.anyFree(), endpoints, options), options);
            replicas.add(replica);
        }
        progress.step("started a replica of " + service.id() + " (pid " + replica.pid() + ", log " + replica.log() + ")");
        new ReadinessWatch(progress, transport()).await(List.of(replica), options.readyTimeout(), () -> closing);
        return running(replica);
    }

    /**
     * Stops the Kafka broker cleanly, leaves it down for {@code downtime}, and starts it again
     * on the same port with the same data; the services reconnect by themselves.
     */
    public void restartKafka(Duration downtime) throws InterruptedException {
        requireBooted().restartKafka(downtime);
    }

    /**
     * Stops PostgreSQL (fast shutdown: open connections are cut), leaves it down for
     * {@code downtime}, and starts it again on the same port with the same data; the services
     * reconnect by themselves.
     */
    public void restartPostgres(Duration downtime) throws InterruptedException {
        requireBooted().restartPostgres(downtime);
    }

    private BackingServers requireBooted() {
        if (servers == null || endpoints == null) {
            throw new IllegalStateException("the stack has not started its servers");
        }
        return servers;
    }

    private ServiceProcess processFor(ServiceName service) {
        synchronized (processes) {
            return processes.stream().filter(p -> p.service() == service).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(service.id() + " is not part of this stack"));
        }
    }

    private void stopReplicas() {
        List<ProcessHandle> roots;
        synchronized (replicas) {
            roots = replicas.stream().map(ServiceProcess::handle).toList();
        }
        ProcessTree.terminate(roots, Duration.ofSeconds(STOP_GRACE_SECONDS));
    }

    /** Stops everything, services first; safe to call more than once and from any thread. */
    @Override
    public void close() {
        closing = true;
        boolean locked = false;
        try {
            locked = startLock.tryLock(START_ABORT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            stopAndClean();
        } finally {
            if (locked) {
                startLock.unlock();
            }
        }
    }

    private void requireNotClosing() {
        if (closing) {
            throw new StackStartException("stopped before the stack was ready");
        }
    }

    private void stopAndClean() {
        stopList.stopAll();
        if (options.deleteHomeOnClose()) {
            deleteRecursively(options.home());
        }
    }

    private void stopServices() {
        List<ProcessHandle> roots;
        synchronized (processes) {
            roots = processes.stream().map(ServiceProcess::handle).toList();
        }
        if (roots.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<ProcessHandle> left = ProcessTree.terminate(roots, Duration.ofSeconds(STOP_GRACE_SECONDS));
        progress.step(String.format(Locale.ROOT, "stopped %s (%.1f s)", processesLabel(roots.size()),
                (System.nanoTime() - start) / 1e9));
        if (!left.isEmpty()) {
            throw new IllegalStateException("processes " + ProcessTree.pids(left) + " survived SIGKILL; check them"
                    + " with ps -o pid,stat,cmd -p " + ProcessTree.pids(left).replace(", ", ","));
        }
    }

    private static String processesLabel(int count) {
        return count == 1 ? "1 service" : count + " services";
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the stack's temporary home " + dir, e);
        }
    }
}
