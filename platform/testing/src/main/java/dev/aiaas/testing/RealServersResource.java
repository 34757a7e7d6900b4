package dev.aiaas.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the JVM's {@link RealServers}: Kafka, PostgreSQL (database
 * {@value RealServers#DATABASE}) and S3 (bucket {@value RealServers#BUCKET}).
 *
 * <pre>{@code
 * @QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
 * }</pre>
 *
 * The servers outlive every test class and stop with the JVM, so {@link #stop()} does nothing.
 */
public class RealServersResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        RealServers servers = RealServers.get();
        return Map.of(
                "kafka.bootstrap.servers", servers.kafkaBootstrap(),
                "quarkus.datasource.jdbc.url", servers.jdbcUrl(),
                "quarkus.datasource.username", servers.dbUser(),
                "quarkus.datasource.password", servers.dbPassword(),
                "aiaas.storage.endpoint", servers.s3Endpoint(),
                "aiaas.storage.access-key", servers.s3AccessKey(),
                "aiaas.storage.secret-key", servers.s3SecretKey(),
                "aiaas.storage.encryption.keys", servers.storageKeys(),
                "aiaas.storage.bucket", servers.bucket());
    }

    /** The servers are shared by every test class in the JVM and stop when it exits. */
    @Override
    public void stop() {
    }
}
