package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvironmentSettingsTest {

    private final StackOptions defaults = StackOptions.defaults(Path.of("/repo"));

    @Test
    void defaultsAreTheDocumentedLocalStack() {
        assertThat(defaults.home()).isEqualTo(Path.of("/repo/.aiaas"));
        assertThat(defaults.postgresPort()).isEqualTo(15432);
        assertThat(defaults.kafkaPort()).isEqualTo(19092);
        assertThat(defaults.s3Port()).isEqualTo(19000);
        assertThat(defaults.servicePorts()).containsEntry(ServiceName.INGEST, 18081)
                .containsEntry(ServiceName.MONITORING, 18086);
        assertThat(defaults.services()).containsExactly(ServiceName.values());
        assertThat(defaults.heaps()).containsEntry(ServiceName.TRAINING, "2g")
                .containsEntry(ServiceName.SERVING, "512m");
        assertThat(defaults.readyTimeout()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void variablesOverridePortsHeapsServicesAndTimeout() {
        StackOptions options = EnvironmentSettings.apply(defaults, Map.of(
                "AIAAS_REGISTRY_PORT", "28084",
                "AIAAS_KAFKA_PORT", "0",
                "AIAAS_TRAINING_HEAP", "4g",
                "AIAAS_SERVICES", "registry, serving-service",
                "AIAAS_SKIP_MISSING", "true",
                "AIAAS_READY_TIMEOUT", "300",
                "AIAAS_JVM_OPTS", "-XX:+UseSerialGC  -Dx=y",
                "AIAAS_HOME", "/tmp/stack"));

        assertThat(options.servicePorts()).containsEntry(ServiceName.REGISTRY, 28084);
        assertThat(options.kafkaPort()).isZero();
        assertThat(options.heaps()).containsEntry(ServiceName.TRAINING, "4g");
        assertThat(options.services()).containsExactly(ServiceName.REGISTRY, ServiceName.SERVING);
        assertThat(options.skipMissingJars()).isTrue();
        assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.extraJvmOptions()).containsExactly("-XX:+UseSerialGC", "-Dx=y");
        assertThat(options.home()).isEqualTo(Path.of("/tmp/stack"));
    }

    @Test
    void aMalformedPortNamesTheVariableAndWhatItAccepts() {
        assertThatThrownBy(() -> EnvironmentSettings.apply(defaults, Map.of("AIAAS_S3_PORT", "ninety")))
                .hasMessageContaining("AIAAS_S3_PORT must be a port number")
                .hasMessageContaining("'ninety'");
        assertThatThrownBy(() -> EnvironmentSettings.apply(defaults, Map.of("AIAAS_SERVING_HEAP", "lots")))
                .hasMessageContaining("AIAAS_SERVING_HEAP must be a heap size");
    }

    @Test
    void anUnknownServiceListsTheKnownOnes() {
        assertThatThrownBy(() -> EnvironmentSettings.apply(defaults, Map.of("AIAAS_SERVICES", "registry,billing")))
                .hasMessageContaining("unknown service 'billing'")
                .hasMessageContaining("ingest, preprocess, training, registry, serving, monitoring");
    }

    @Test
    void commandLineFlagsOverrideTheEnvironment() {
        StackOptions options = CommandLine.options(Path.of("/repo"),
                List.of("--services=serving", "--timeout=60", "--free-ports"),
                Map.of("AIAAS_SERVICES", "registry"));

        assertThat(options.services()).containsExactly(ServiceName.SERVING);
        assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.servicePorts().values()).containsOnly(0);
        assertThatThrownBy(() -> CommandLine.options(Path.of("/repo"), List.of("--fast"), Map.of()))
                .hasMessageContaining("unknown option --fast");
    }
}
