package dev.aiaas.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class RealServersTest {

    @Test
    void startsTheServersOncePerJvm() {
        assertThat(RealServers.get()).isSameAs(RealServers.get());
    }

    @Test
    void reusesTheServersWhenLoadedByAnotherClassLoader() throws Exception {
        RealServers servers = RealServers.get();
        URL[] classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);

        try (URLClassLoader isolated = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = isolated.loadClass(RealServers.class.getName());
            Object other = copy.getMethod("get").invoke(null);

            assertThat(copy).isNotSameAs(RealServers.class);
            assertThat(copy.getMethod("kafkaBootstrap").invoke(other)).isEqualTo(servers.kafkaBootstrap());
            assertThat(copy.getMethod("jdbcUrl").invoke(other)).isEqualTo(servers.jdbcUrl());
            assertThat(copy.getMethod("s3Endpoint").invoke(other)).isEqualTo(servers.s3Endpoint());
        }
    }

    @Test
    void connectsToTheAiaasDatabase() throws Exception {
        RealServers servers = RealServers.get();
        try (Connection c = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("aiaas");
        }
    }

    @Test
    void hasTheAiaasBucket() throws Exception {
        RealServers servers = RealServers.get();
        MinioClient client = MinioClient.builder().endpoint(servers.s3Endpoint())
                .credentials(servers.s3AccessKey(), servers.s3SecretKey()).build();

        assertThat(client.bucketExists(BucketExistsArgs.builder().bucket(servers.bucket()).build())).isTrue();
    }

    @Test
    void hasABrokerThatAnswers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServers.get().kafkaBootstrap()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void resourceHandsQuarkusTheAddressesOfTheSharedServers() {
        RealServers servers = RealServers.get();

        Map<String, String> config = new RealServersResource().start();

        assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kafka.bootstrap.servers", servers.kafkaBootstrap(),
                "quarkus.datasource.jdbc.url", servers.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "aiaas.storage.endpoint", servers.s3Endpoint(),
                "aiaas.storage.access-key", "aiaas",
                "aiaas.storage.secret-key", "aiaas-secret-key",
                "aiaas.storage.encryption.keys", servers.storageKeys(),
                "aiaas.storage.bucket", "aiaas"));
        assertThat(servers.storageKeys()).matches("test-kek:[A-Za-z0-9+/]{43}=");
        assertThat(config.get("quarkus.datasource.jdbc.url")).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/aiaas");
    }
}
