package dev.aiaas.localstack;

import dev.aiaas.security.ClientTransport;
import dev.aiaas.security.LocalKeys;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables one service JVM starts with. Quarkus maps them onto its
 * configuration ({@code QUARKUS_HTTP_PORT} is {@code quarkus.http.port}), so the services need
 * no profile or file of their own to run in the local stack.
 */
final class ServiceEnvironment {

    /** Host the services and their peers are reached on. */
    static final String HOST = "localhost";
    /** The interface the services listen on (default {@value #LOOPBACK}; 0.0.0.0 for every one). */
    static final String BIND_HOST = "AIAAS_BIND_HOST";
    /** The interface health and metrics listen on (default: the services' own). */
    static final String MANAGEMENT_BIND_HOST = "AIAAS_MANAGEMENT_BIND_HOST";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    /** The standard OpenTelemetry variables the launcher passes on, and the Quarkus setting each becomes. */
    private static final Map<String, String> OTEL_SETTINGS = Map.of(
            "OTEL_EXPORTER_OTLP_PROTOCOL", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
            "OTEL_TRACES_SAMPLER", "QUARKUS_OTEL_TRACES_SAMPLER",
            "OTEL_TRACES_SAMPLER_ARG", "QUARKUS_OTEL_TRACES_SAMPLER_ARG");

    private ServiceEnvironment() {
    }

    /**
     * @param service   the service to start
     * @param ports     the port of every service of the stack, peers included
     * @param managementPort where its health and metrics are served, apart from its API
     * @param endpoints the shared servers
     * @param options   for the home directory and the launcher's own environment
     */
    static Map<String, String> of(ServiceName service, Map<ServiceName, Integer> ports, int managementPort,
            BackingEndpoints endpoints, StackOptions options) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        boolean tls = !ClientTransport.tlsOff(options.environment());
        if (tls) {
            // One port, TLS only: gRPC and REST both, with the stack's certificate.
            LocalCertificates certificates = LocalCertificates.in(options.home());
            env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(ports.get(service)));
            env.put("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled");
            env.put("QUARKUS_HTTP_SSL_CERTIFICATE_FILES", certificates.serverCertificate().toString());
            env.put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES", certificates.serverKey().toString());
        }
        // This machine only, unless told otherwise: the services answer nobody else.
        String bindHost = options.environment().getOrDefault(BIND_HOST, LOOPBACK);
        env.put("QUARKUS_HTTP_HOST", bindHost);
        // Health and metrics on a port of their own, plain HTTP, for probes and scrapers; it can
        // be bound apart (AIAAS_MANAGEMENT_BIND_HOST) from the API.
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", options.environment().getOrDefault(MANAGEMENT_BIND_HOST, bindHost));
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrap());
        // One local broker: topics get one replica (the services' default is 3, with 2 in sync).
        env.put("AIAAS_KAFKA_TOPICS_REPLICATION_FACTOR", "1");
        env.put("AIAAS_KAFKA_TOPICS_MIN_INSYNC_REPLICAS", "1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", endpoints.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", endpoints.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", endpoints.dbPassword());
        env.put("AIAAS_STORAGE_ENDPOINT", endpoints.s3Endpoint());
        env.put("AIAAS_STORAGE_ACCESS_KEY", endpoints.s3AccessKey());
        env.put("AIAAS_STORAGE_SECRET_KEY", endpoints.s3SecretKey());
        env.put("AIAAS_STORAGE_BUCKET", endpoints.bucket());
        env.put("AIAAS_STORAGE_ENCRYPTION_KEYS", endpoints.storageKeys());
        // Every call needs a token: users' tokens signed with the stack's key, services' with theirs.
        LocalKeys keys = LocalKeys.in(options.home());
        env.put("AIAAS_TOKEN_ISSUER", LocalKeys.ISSUER);
        env.put("AIAAS_TOKEN_PUBLIC_KEY", keys.userPublicKey().toString());
        env.put("AIAAS_SERVICE_PUBLIC_KEY", keys.servicePublicKey().toString());
        env.put("AIAAS_SERVICE_PRIVATE_KEY", keys.servicePrivateKey().toString());
        // Every peer, whether this service calls it or not: an unused client setting is harmless,
        // and a service that gains a peer later needs no change here.
        ports.forEach((peer, port) -> {
            env.put("QUARKUS_GRPC_CLIENTS_" + peer.name() + "_HOST", HOST);
            env.put("QUARKUS_GRPC_CLIENTS_" + peer.name() + "_PORT", Integer.toString(port));
            if (tls) { // a trust store is what turns TLS on for a client, verifying the peer's certificate
                env.put("QUARKUS_GRPC_CLIENTS_" + peer.name() + "_SSL_TRUST_STORE",
                        ClientTransport.localCa(options.home()).toString());
            }
        });
        // One machine: a training worker that dies has its job re-queued within 10 s.
        env.put("TRAINING_WORKER_LEASE", "PT10S");
        env.put("TRAINING_WORKER_HEARTBEAT_INTERVAL", "PT2S");
        // libgomp's busy wait made training 5-20x slower on two cores.
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        env.put("DJL_CACHE_DIR", djlCache(options).toString());
        String otlp = options.environment().get(OTLP_ENDPOINT);
        if (otlp == null || otlp.isBlank()) {
            env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        } else {
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", otlp);
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", otlp);
            OTEL_SETTINGS.forEach((standard, quarkus) -> {
                String value = options.environment().get(standard);
                if (value != null && !value.isBlank()) {
                    env.put(quarkus, value);
                }
            });
        }
        return env;
    }

    /** DJL unpacks its native libraries once (432 MB) and reuses them on every later start. */
    static Path djlCache(StackOptions options) {
        return options.home().resolve("djl-cache");
    }
}
