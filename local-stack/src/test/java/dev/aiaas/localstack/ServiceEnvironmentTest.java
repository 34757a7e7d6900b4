package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private final BackingEndpoints endpoints = new BackingEndpoints("127.0.0.1:19092",
            "jdbc:postgresql://127.0.0.1:15432/aiaas", "postgres", "postgres", "http://127.0.0.1:19000",
            "aiaas", "aiaas-secret-key", "aiaas", "local-test:a2V5");
    private final Map<ServiceName, Integer> ports = new EnumMap<>(Map.of(
            ServiceName.REGISTRY, 18084, ServiceName.SERVING, 18085));

    @Test
    void aServiceGetsItsPortTheSharedServersAndEveryPeer() {
        StackOptions options = StackOptions.defaults(Path.of("/repo")).withEnvironment(Map.of());

        Map<String, String> env = ServiceEnvironment.of(ServiceName.SERVING, ports, 41001, endpoints, options);

        assertThat(env).containsEntry("QUARKUS_HTTP_PORT", "18085")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/aiaas")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "postgres")
                .containsEntry("AIAAS_STORAGE_ENDPOINT", "http://127.0.0.1:19000")
                .containsEntry("AIAAS_STORAGE_ACCESS_KEY", "aiaas")
                .containsEntry("AIAAS_STORAGE_SECRET_KEY", "aiaas-secret-key")
                .containsEntry("AIAAS_STORAGE_BUCKET", "aiaas")
                .containsEntry("AIAAS_STORAGE_ENCRYPTION_KEYS", "local-test:a2V5")
                .containsEntry("QUARKUS_GRPC_CLIENTS_REGISTRY_HOST", "localhost")
                .containsEntry("QUARKUS_GRPC_CLIENTS_REGISTRY_PORT", "18084")
                .containsEntry("QUARKUS_GRPC_CLIENTS_SERVING_PORT", "18085")
                .containsEntry("OMP_WAIT_POLICY", "PASSIVE")
                .containsEntry("DJL_CACHE_DIR", "/repo/.aiaas/djl-cache")
                .containsEntry("QUARKUS_OTEL_SDK_DISABLED", "true")
                .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_MANAGEMENT_PORT", "41001")
                .containsEntry("QUARKUS_MANAGEMENT_HOST", "127.0.0.1")
                .containsEntry("AIAAS_TOKEN_ISSUER", "aiaas-local")
                .containsEntry("AIAAS_TOKEN_PUBLIC_KEY", "/repo/.aiaas/keys/token-public.pem")
                .containsEntry("AIAAS_SERVICE_PUBLIC_KEY", "/repo/.aiaas/keys/service-public.pem")
                .containsEntry("AIAAS_SERVICE_PRIVATE_KEY", "/repo/.aiaas/keys/service-signing.pem");
    }

    @Test
    void theServicesListenOnEveryInterfaceOnlyWhenTold() {
        StackOptions options = StackOptions.defaults(Path.of("/repo")).withEnvironment(Map.of("AIAAS_BIND_HOST", "0.0.0.0"));

        Map<String, String> env = ServiceEnvironment.of(ServiceName.REGISTRY, ports, 41002, endpoints, options);

        assertThat(env).containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0").containsEntry("QUARKUS_MANAGEMENT_HOST", "0.0.0.0");
    }

    @Test
    void healthAndMetricsCanBeBoundApartFromTheApi() {
        StackOptions options = StackOptions.defaults(Path.of("/repo")).withEnvironment(Map.of(
                "AIAAS_BIND_HOST", "0.0.0.0", "AIAAS_MANAGEMENT_BIND_HOST", "10.0.0.7"));

        Map<String, String> env = ServiceEnvironment.of(ServiceName.REGISTRY, ports, 41002, endpoints, options);

        assertThat(env).containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0").containsEntry("QUARKUS_MANAGEMENT_HOST", "10.0.0.7")
                .containsEntry("QUARKUS_MANAGEMENT_PORT", "41002");
    }

    @Test
    void everyServiceServesTlsWithTheStackCertificateAndTrustsItsCaForEveryPeer() {
        Map<String, String> env = ServiceEnvironment.of(ServiceName.SERVING, ports, 41001, endpoints,
                StackOptions.defaults(Path.of("/repo")).withEnvironment(Map.of()));

        assertThat(env).containsEntry("QUARKUS_HTTP_SSL_PORT", "18085")
                .containsEntry("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled")
                .containsEntry("QUARKUS_HTTP_SSL_CERTIFICATE_FILES", "/repo/.aiaas/tls/server.crt")
                .containsEntry("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES", "/repo/.aiaas/tls/server.key")
                .containsEntry("QUARKUS_GRPC_CLIENTS_REGISTRY_SSL_TRUST_STORE", "/repo/.aiaas/tls/ca.crt")
                .containsEntry("QUARKUS_GRPC_CLIENTS_SERVING_SSL_TRUST_STORE", "/repo/.aiaas/tls/ca.crt");
    }

    @Test
    void tlsOffServesPlainText() {
        Map<String, String> env = ServiceEnvironment.of(ServiceName.SERVING, ports, 41001, endpoints,
                StackOptions.defaults(Path.of("/repo")).withEnvironment(Map.of("AIAAS_TLS", "off")));

        assertThat(env).doesNotContainKeys("QUARKUS_HTTP_SSL_PORT", "QUARKUS_HTTP_SSL_CERTIFICATE_FILES",
                "QUARKUS_GRPC_CLIENTS_REGISTRY_SSL_TRUST_STORE");
    }

    @Test
    void anOtlpEndpointInTheLauncherEnvironmentTurnsTracingOn() {
        StackOptions options = StackOptions.defaults(Path.of("/repo"))
                .withEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));

        Map<String, String> env = ServiceEnvironment.of(ServiceName.REGISTRY, ports, 41002, endpoints, options);

        assertThat(env).containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")
                .doesNotContainKey("QUARKUS_OTEL_SDK_DISABLED");
    }

    @Test
    void theStandardProtocolAndSamplerVariablesReachTheServicesAsQuarkusSettings() {
        StackOptions options = StackOptions.defaults(Path.of("/repo")).withEnvironment(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_TRACES_SAMPLER", "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0.0"));

        Map<String, String> env = ServiceEnvironment.of(ServiceName.REGISTRY, ports, 41002, endpoints, options);

        assertThat(env).containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318")
                .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf")
                .containsEntry("QUARKUS_OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
                .containsEntry("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.0");
    }
}
