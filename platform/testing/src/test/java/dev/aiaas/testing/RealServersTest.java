package dev.aiaas.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
                "aiaas.storage.bucket", "aiaas"));
        assertThat(config.get("quarkus.datasource.jdbc.url")).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/aiaas");
    }
}
