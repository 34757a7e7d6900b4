package dev.aiaas.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.aiaas.testing.KafkaBroker;
import dev.aiaas.testing.PostgresServer;
import dev.aiaas.testing.S3ProxyServer;

/**
 * Reads the {@code AIAAS_*} environment variables that change the local stack, so that a port
 * clash or a bigger heap needs no rebuild. A malformed value fails with a message that names
 * the variable and what it accepts.
 *
 * <table>
 * <tr><td>{@code AIAAS_HOME}</td><td>the stack's directory (default {@code <root>/.aiaas})</td></tr>
 * <tr><td>{@code AIAAS_POSTGRES_PORT}, {@code AIAAS_KAFKA_PORT}, {@code AIAAS_S3_PORT}</td>
 *     <td>ports of the servers (0 = any free port)</td></tr>
 * <tr><td>{@code AIAAS_<SERVICE>_PORT}</td><td>port of a service, e.g. {@code AIAAS_REGISTRY_PORT}</td></tr>
 * <tr><td>{@code AIAAS_<SERVICE>_HEAP}</td><td>its {@code -Xmx}, e.g. {@code AIAAS_TRAINING_HEAP=4g}</td></tr>
 * <tr><td>{@code AIAAS_SERVICES}</td><td>comma-separated services to start (default all six)</td></tr>
 * <tr><td>{@code AIAAS_SKIP_MISSING}</td><td>{@code true}: leave out services that are not built</td></tr>
 * <tr><td>{@code AIAAS_READY_TIMEOUT}</td><td>seconds the services may take to be SERVING</td></tr>
 * <tr><td>{@code AIAAS_JVM_OPTS}</td><td>extra JVM options for every service</td></tr>
 * </table>
 */
final class EnvironmentSettings {

    static final String HOME = "AIAAS_HOME";
    static final String SERVICES = "AIAAS_SERVICES";
    static final String SKIP_MISSING = "AIAAS_SKIP_MISSING";
    static final String READY_TIMEOUT = "AIAAS_READY_TIMEOUT";
    static final String JVM_OPTS = "AIAAS_JVM_OPTS";

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    private EnvironmentSettings() {
    }

    /** {@code base} with every override that {@code env} sets. */
    static StackOptions apply(StackOptions base, Map<String, String> env) {
        StackOptions options = base.withEnvironment(env);
        String home = env.get(HOME);
        if (home != null && !home.isBlank()) {
            options = options.withHome(Path.of(home), false);
        }
        options = options.withInfrastructurePorts(
                port(env, PostgresServer.PORT_VARIABLE, options.postgresPort()),
                port(env, KafkaBroker.PORT_VARIABLE, options.kafkaPort()),
                port(env, S3ProxyServer.PORT_VARIABLE, options.s3Port()));
        for (ServiceName service : ServiceName.values()) {
            options = options.withServicePort(service,
                    port(env, service.portVariable(), options.servicePorts().get(service)));
            String heap = env.get(service.heapVariable());
            if (heap != null && !heap.isBlank()) {
                options = options.withHeap(service, heap(service.heapVariable(), heap));
            }
        }
        String services = env.get(SERVICES);
        if (services != null && !services.isBlank()) {
            options = options.withServices(services(services));
        }
        if (Boolean.parseBoolean(env.getOrDefault(SKIP_MISSING, "false"))) {
            options = options.withSkipMissingJars(true);
        }
        String timeout = env.get(READY_TIMEOUT);
        if (timeout != null && !timeout.isBlank()) {
            options = options.withReadyTimeout(seconds(READY_TIMEOUT, timeout));
        }
        String jvmOpts = env.get(JVM_OPTS);
        if (jvmOpts != null && !jvmOpts.isBlank()) {
            options = options.withExtraJvmOptions(List.of(jvmOpts.strip().split("\\s+")));
        }
        return options;
    }

    /** Parses {@code ingest,registry} into services. */
    static Set<ServiceName> services(String commaSeparated) {
        Set<ServiceName> chosen = EnumSet.noneOf(ServiceName.class);
        Arrays.stream(commaSeparated.split(","))
                .filter(part -> !part.isBlank())
                .map(ServiceName::parse)
                .forEach(chosen::add);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no service named in '" + commaSeparated + "'");
        }
        return chosen;
    }

    static Duration seconds(String name, String value) {
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of seconds above 0, was '" + value + "'");
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " must be a port number (1-65535, or 0 for any free port), was '"
                + value + "'");
    }

    private static String heap(String variable, String value) {
        String heap = value.strip();
        if (!HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException(variable + " must be a heap size as -Xmx takes it (512m, 2g), was '"
                    + value + "'");
        }
        return heap;
    }
}
