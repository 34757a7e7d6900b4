package dev.aiaas.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@link LocalStack#start} needs to know. Start from {@link #defaults(Path)} (what
 * {@code ./aiaas up} uses) and change what differs with the {@code with…} methods; a port of
 * {@code 0} means "any free port".
 *
 * @param repositoryRoot   where the service modules are ({@code <root>/<svc>-service/target/…})
 * @param home             the stack's own directory: data of PostgreSQL, Kafka and S3, logs,
 *                         {@code stack.json}. Data survives restarts unless
 *                         {@code deleteHomeOnClose}.
 * @param deleteHomeOnClose whether {@link LocalStack#close()} deletes {@code home} (tests)
 * @param postgresPort     PostgreSQL port
 * @param kafkaPort        Kafka broker port (its controller listener picks its own)
 * @param s3Port           S3Proxy port
 * @param servicePorts     one port per service, gRPC and HTTP together
 * @param services         which services to start
 * @param skipMissingJars  whether a service whose jar was not built is left out (with a line
 *                         that says so) instead of failing the start
 * @param heaps            {@code -Xmx} per service ({@code 512m}, {@code 2g})
 * @param extraJvmOptions  appended to every service's JVM options
 * @param readyTimeout     how long the services may take, together, to answer SERVING
 * @param environment      the launcher's environment, consulted for pass-through settings
 *                         (OpenTelemetry); the services get only what the stack sets
 */
public record StackOptions(
        Path repositoryRoot,
        Path home,
        boolean deleteHomeOnClose,
        int postgresPort,
        int kafkaPort,
        int s3Port,
        Map<ServiceName, Integer> servicePorts,
        Set<ServiceName> services,
        boolean skipMissingJars,
        Map<ServiceName, String> heaps,
        List<String> extraJvmOptions,
        Duration readyTimeout,
        Map<String, String> environment) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_S3_PORT = 19000;
    /** Six JVMs starting at once on two cores need minutes, not seconds. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);
    /** The stack's directory under the repository root. */
    public static final String DEFAULT_HOME = ".aiaas";

    public StackOptions {
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("ready timeout must be positive, was " + readyTimeout);
        }
        servicePorts = Collections.unmodifiableMap(new EnumMap<>(servicePorts));
        services = services.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(services));
        heaps = Collections.unmodifiableMap(new EnumMap<>(heaps));
        extraJvmOptions = List.copyOf(extraJvmOptions);
        environment = Map.copyOf(environment);
        for (ServiceName service : ServiceName.values()) {
            if (!servicePorts.containsKey(service) || !heaps.containsKey(service)) {
                throw new IllegalArgumentException("a port and a heap are needed for every service; "
                        + service.id() + " has none");
            }
        }
    }

    /**
     * The local stack as {@code ./aiaas up} runs it: home {@code <root>/.aiaas}, the default
     * ports, all six services, -Xmx512m (training 2g), 180 s to become ready.
     */
    public static StackOptions defaults(Path repositoryRoot) {
        Path root = repositoryRoot.toAbsolutePath().normalize();
        Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
        Map<ServiceName, String> heaps = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            ports.put(service, service.defaultPort());
            heaps.put(service, service.defaultHeap());
        }
        return new StackOptions(root, root.resolve(DEFAULT_HOME), false, DEFAULT_POSTGRES_PORT, DEFAULT_KAFKA_PORT,
                DEFAULT_S3_PORT, ports, EnumSet.allOf(ServiceName.class), false, heaps, List.of(),
                DEFAULT_READY_TIMEOUT, System.getenv());
    }

    /** Another home directory; {@code deleteOnClose} for a throw-away one. */
    public StackOptions withHome(Path newHome, boolean deleteOnClose) {
        return new StackOptions(repositoryRoot, newHome.toAbsolutePath().normalize(), deleteOnClose, postgresPort,
                kafkaPort, s3Port, servicePorts, services, skipMissingJars, heaps, extraJvmOptions, readyTimeout,
                environment);
    }

    /** Every port 0: each server and service gets a free port (tests, a second stack). */
    public StackOptions withFreePorts() {
        Map<ServiceName, Integer> free = new EnumMap<>(ServiceName.class);
        servicePorts.keySet().forEach(service -> free.put(service, 0));
        return new StackOptions(repositoryRoot, home, deleteHomeOnClose, 0, 0, 0, free, services, skipMissingJars,
                heaps, extraJvmOptions, readyTimeout, environment);
    }

    public StackOptions withInfrastructurePorts(int postgres, int kafka, int s3) {
        return new StackOptions(repositoryRoot, home, deleteHomeOnClose, postgres, kafka, s3, servicePorts, services,
                skipMissingJars, heaps, extraJvmOptions, readyTimeout, environment);
    }

    public StackOptions withServicePort(ServiceName service, int port) {
        Map<ServiceName, Integer> ports = new EnumMap<>(servicePorts);
        ports.put(service, port);
        return new StackOptions(repositoryRoot, home, deleteHomeOnClose, postgresPort, kafkaPort, s3Port, ports,
                services, skipMissingJars, heaps, extraJvmOptions, readyTimeout, environment);
    }

    public StackOptions withServices(Set<ServiceName> chosen) {
        return new StackOptions(repositoryRoot, home, deleteHomeOnClose, postgresPort, kafkaPort, s3Port,
                servicePorts, chosen, skipMissingJars, heaps, extraJvmOptions, readyTimeout, environment);
    }

    /** Leave out services whose jar is missing instead of failing. */
    public StackOptions withSkipMissingJars(boolean skip) {
        return new StackOptions(repositoryRoot, home, deleteHomeOnClose, postgresPort, kafkaPort, s3Port,
                servicePorts, services, skip, heaps, extraJvmOptions, readyTimeout, environment);
    }

    public StackOptions withHeap(ServiceName service, String heap) {
        Map<ServiceName, String> newHeaps = new EnumMap<>(heaps);
        newHeaps.put(service, heap);
        return new StackOptions(repositoryRoot, home, deleteHomeOnClose, postgresPort, kafkaPort, s3Port,
                servicePorts, services, skipMissingJars, newHeaps, extraJvmOptions, readyTimeout, environment);
    }

    public StackOptions withExtraJvmOptions(List<String> options) {
        return new StackOptions(repositoryRoot, home, deleteHomeOnClose, postgresPort, kafkaPort, s3Port,
                servicePorts, services, skipMissingJars, heaps, options, readyTimeout, environment);
    }

    public StackOptions withReadyTimeout(Duration timeout) {
        return new StackOptions(repositoryRoot, home, deleteHomeOnClose, postgresPort, kafkaPort, s3Port,
                servicePorts, services, skipMissingJars, heaps, extraJvmOptions, timeout, environment);
    }

    public StackOptions withEnvironment(Map<String, String> launcherEnvironment) {
        return new StackOptions(repositoryRoot, home, deleteHomeOnClose, postgresPort, kafkaPort, s3Port,
                servicePorts, services, skipMissingJars, heaps, extraJvmOptions, readyTimeout, launcherEnvironment);
    }

    /** Directory of every log the stack writes. */
    public Path logDir() {
        return home.resolve("logs");
    }

    /** Where {@code up} records what it started, for {@code status} and {@code down}. */
    public Path stackFile() {
        return home.resolve("stack.json");
    }
}
