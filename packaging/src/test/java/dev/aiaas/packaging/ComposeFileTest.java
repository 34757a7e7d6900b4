package dev.aiaas.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as Debian's {@code docker-compose config} resolves it (valid, every secret
 * required from the environment), checked against what each service reads and listens on. CI
 * installs docker-compose and sets AIAAS_REQUIRE_COMPOSE=1; elsewhere these tests are skipped
 * when it is missing.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?");

    @TempDir
    static Path work;

    private static Map<String, Object> resolved;

    @BeforeAll
    static void resolve() throws Exception {
        boolean installed = new ProcessBuilder("sh", "-c", "command -v docker-compose").start().waitFor() == 0;
        if (!installed && "1".equals(System.getenv("AIAAS_REQUIRE_COMPOSE"))) {
            throw new AssertionError("docker-compose is not installed: apt-get install docker-compose");
        }
        assumeThat(installed).as("docker-compose is installed (apt-get install docker-compose)").isTrue();
        StringBuilder env = new StringBuilder();
        for (String name : requiredVariables()) {
            env.append(name).append("=test-").append(name.toLowerCase()).append('\n');
        }
        Files.writeString(work.resolve("test.env"), env);
        Result config = compose("--env-file", work.resolve("test.env").toString(), "config");
        assertThat(config.exit()).as(config.output()).isZero();
        resolved = new Yaml().load(config.output());
    }

    @Test
    void everySecretIsRequiredAndAMissingOneIsNamed() throws Exception {
        Files.writeString(work.resolve("empty.env"), "");
        Result missing = compose("--env-file", work.resolve("empty.env").toString(), "config");

        assertThat(requiredVariables()).contains("AIAAS_DATABASE_PASSWORD", "AIAAS_STORAGE_SECRET_KEY",
                "AIAAS_STORAGE_ENCRYPTION_KEYS", "AIAAS_GRAFANA_PASSWORD");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.output()).containsPattern("set AIAAS_[A-Z_]+ in .env");
    }

    @Test
    void everyServiceGetsWhatItCannotStartWithoutAndOnlyWhatItReads() {
        for (String service : ServiceSettings.SERVICES) {
            Set<String> env = environment(service).keySet();
            assertThat(env).as(service + ": what it cannot start without").containsAll(ServiceSettings.required(service));
            assertThat(env.stream().filter(name -> !ServiceSettings.reads(service, name)).toList())
                    .as(service + ": variables it does not read").isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPortMatchesTheServicesOwnAndPrometheusScrapesEveryManagementPort() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("deploy/compose/prometheus.yml"));
        for (String service : ServiceSettings.SERVICES) {
            Properties own = new Properties();
            try (var in = Files.newInputStream(ROOT.resolve(service + "-service/src/main/resources/application.properties"))) {
                own.load(in);
            }
            String port = own.getProperty("quarkus.http.port");
            String management = own.getProperty("quarkus.management.port");
            Map<String, Object> definition = (Map<String, Object>) services().get(service);

            assertThat(environment(service)).as(service).containsEntry("QUARKUS_HTTP_PORT", port)
                    .containsEntry("QUARKUS_MANAGEMENT_PORT", management);
            assertThat(String.valueOf(definition.get("ports"))).as(service + " publishes its API port")
                    .contains(port);
            assertThat(prometheus).contains("\"" + service + ":" + management + "\"");
            for (String peer : ServiceSettings.SERVICES) {
                assertThat(environment(service)).containsEntry("QUARKUS_GRPC_CLIENTS_" + peer.toUpperCase() + "_PORT",
                        environment(peer).get("QUARKUS_HTTP_PORT"));
            }
            assertThat(((Map<String, Object>) definition.get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
            assertThat((Map<String, Object>) definition.get("depends_on")).containsKeys("postgres", "kafka", "minio");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theObservabilityStackIsThereWithItsProvisionedDashboard() throws IOException {
        assertThat(services()).containsKeys("postgres", "kafka", "minio", "otel-collector", "prometheus", "grafana");
        String dashboard = Files.readString(ROOT.resolve("deploy/compose/grafana/dashboards/aiaas.json"));
        assertThat(dashboard).contains("aiaas_inference_request_duration_seconds_bucket",
                "aiaas_inference_request_duration_seconds_count", "status!=\\\"OK\\\"", "aiaas_monitoring_feature_psi");
        Map<String, Object> grafana = (Map<String, Object>) services().get("grafana");
        assertThat(String.valueOf(grafana.get("volumes"))).contains("deploy/compose/grafana/provisioning");
        for (String service : ServiceSettings.SERVICES) {
            assertThat(environment(service)).containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
                    "http://otel-collector:4317");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>) resolved.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services().get(service)).get("environment");
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        env.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }

    private static Set<String> requiredVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher required = REQUIRED.matcher(Files.readString(COMPOSE));
        while (required.find()) {
            names.add(required.group(1));
        }
        return names;
    }

    private record Result(int exit, String output) {
    }

    private static Result compose(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", COMPOSE.toString(),
                "--project-directory", ROOT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker-compose config did not finish in 60 s");
        }
        return new Result(process.exitValue(), output);
    }
}
