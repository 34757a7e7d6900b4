package dev.aiaas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3ProxyServerTest {

    @Test
    void acceptsTheRightSecretKeyAndStoresObjects() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(ServerOptions.ephemeral())) {
            MinioClient client = client(s3, s3.secretKey());
            client.makeBucket(MakeBucketArgs.builder().bucket("models").build());
            put(client, "models", "hello.txt", "hello s3");

            assertThat(get(client, "models", "hello.txt")).isEqualTo("hello s3");
        }
    }

    @Test
    void rejectsAWrongSecretKey() {
        try (S3ProxyServer s3 = S3ProxyServer.start(ServerOptions.ephemeral())) {
            MinioClient intruder = client(s3, "not-the-secret");

            assertThatThrownBy(() -> intruder.makeBucket(MakeBucketArgs.builder().bucket("stolen").build()))
                    .isInstanceOfSatisfying(ErrorResponseException.class, e ->
                            assertThat(e.errorResponse().code()).isEqualTo("SignatureDoesNotMatch"));
        }
    }

    @Test
    void keepsBucketsAndObjectsWhenRestartedOnTheSameDataDirectory(@TempDir Path dataDir) throws Exception {
        ServerOptions options = ServerOptions.persistent(dataDir, 0);
        try (S3ProxyServer s3 = S3ProxyServer.start(options)) {
            MinioClient client = client(s3, s3.secretKey());
            client.makeBucket(MakeBucketArgs.builder().bucket("kept").build());
            put(client, "kept", "a/b.txt", "survives");
        }

        try (S3ProxyServer restarted = S3ProxyServer.start(options)) {
            MinioClient client = client(restarted, restarted.secretKey());
            assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("kept").build())).isTrue();
            assertThat(get(client, "kept", "a/b.txt")).isEqualTo("survives");
        }
        assertThat(dataDir.resolve("s3proxy.log")).exists();
    }

    @Test
    void refusesATakenPortNamingTheVariableThatMovesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> S3ProxyServer.start(new ServerOptions(null, port, Duration.ofSeconds(30))))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageStartingWith("port " + port + " is already in use: stop what holds it or set AIAAS_S3_PORT");
        }
    }

    @Test
    void namesThePathItTriedWhenTheJarIsMissing(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-s3proxy.jar");
        System.setProperty(S3ProxyJar.JAR_PROPERTY, missing.toString());
        try {
            assertThatThrownBy(() -> S3ProxyServer.start(ServerOptions.ephemeral()))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("S3Proxy jar not found at " + missing);
        } finally {
            System.clearProperty(S3ProxyJar.JAR_PROPERTY);
        }
    }

    @Test
    void findsTheJarInTheLocalMavenRepositoryByDefault() {
        assertThat(S3ProxyJar.locate())
                .isEqualTo(S3ProxyJar.inLocalRepository())
                .hasFileName("s3proxy-" + S3ProxyJar.version() + "-jar-with-dependencies.jar")
                .isRegularFile();
    }

    private static MinioClient client(S3ProxyServer s3, String secretKey) {
        return MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), secretKey).build();
    }

    private static void put(MinioClient client, String bucket, String key, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
    }

    private static String get(MinioClient client, String bucket, String key) throws Exception {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
