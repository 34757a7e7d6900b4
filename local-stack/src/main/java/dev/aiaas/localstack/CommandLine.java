package dev.aiaas.localstack;

import dev.aiaas.security.ClientTransport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code up}, {@code status} and {@code down}: the defaults, then the
 * {@code AIAAS_*} environment, then the command-line flags, each overriding the one before.
 */
final class CommandLine {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: aiaas up|status|down [options]",
            "  up      start PostgreSQL, Kafka, S3 and the services, restart any service that exits;"
                    + " Ctrl-C stops everything",
            "  status  show what runs, whether it answers, its restarts (exit 0 all SERVING, 1 not running,"
                    + " 3 degraded)",
            "  down    stop a stack started by up in another terminal",
            "  compose-env  write .env (random credentials) and .aiaas/compose/keys for docker-compose.yml",
            "options (up):",
            "  --services=ingest,registry  start only these services (default: all six)",
            "  --skip-missing              leave out services that are not built instead of failing",
            "  --timeout=SECONDS           how long the services may take to be SERVING (default 180)",
            "  --free-ports                run every server and service on a free port",
            "  --no-tls                    serve gRPC and HTTP in plain text (clients need AIAAS_TLS=off too)",
            "options (all):",
            "  --home=DIR                  the stack's data, logs and stack.json (default <repo>/.aiaas)",
            "environment: AIAAS_HOME, AIAAS_<SERVICE>_PORT, AIAAS_POSTGRES_PORT, AIAAS_KAFKA_PORT, AIAAS_S3_PORT,",
            "  AIAAS_<SERVICE>_HEAP, AIAAS_SERVICES, AIAAS_SKIP_MISSING, AIAAS_READY_TIMEOUT, AIAAS_JVM_OPTS,",
            "  AIAAS_BIND_HOST (the interface the services listen on; default 127.0.0.1, this machine only),",
            "  AIAAS_TLS=off (plain text, as --no-tls; by default every service serves TLS with a certificate",
            "  from the stack's own CA in <home>/tls/ca.crt, which the clients here trust),",
            "  OTEL_EXPORTER_OTLP_ENDPOINT (passed to the services; tracing is off without it), with it",
            "  OTEL_EXPORTER_OTLP_PROTOCOL (grpc or http/protobuf), OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG");

    private CommandLine() {
    }

    /**
     * @throws IllegalArgumentException for an unknown flag or a malformed value, with the usage
     */
    static StackOptions options(Path root, List<String> flags, Map<String, String> env) {
        StackOptions options = EnvironmentSettings.apply(StackOptions.defaults(root), env);
        for (String flag : flags) {
            String name = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
            String value = flag.contains("=") ? flag.substring(flag.indexOf('=') + 1) : "";
            options = switch (name) {
                case "--services" -> options.withServices(EnvironmentSettings.services(value));
                case "--skip-missing" -> options.withSkipMissingJars(true);
                case "--timeout" -> options.withReadyTimeout(EnvironmentSettings.seconds("--timeout", value));
                case "--free-ports" -> options.withFreePorts();
                case "--no-tls" -> options.withEnvironment(withTlsOff(options.environment()));
                case "--home" -> options.withHome(Path.of(value), false);
                default -> throw new IllegalArgumentException("unknown option " + flag + System.lineSeparator()
                        + USAGE);
            };
        }
        return options;
    }

    private static Map<String, String> withTlsOff(Map<String, String> environment) {
        Map<String, String> changed = new HashMap<>(environment);
        changed.put(ClientTransport.TLS_VARIABLE, "off");
        return changed;
    }
}
