package dev.aiaas.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.security.PemKeys;
import dev.aiaas.testing.RealServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked of the images without a Docker engine: the build output each Dockerfile
 * copies exists once the services are packaged, the image runs as a non-root user with a health
 * check, and its entry command, with the environment the image sets, starts a real service that
 * its health check then finds ready.
 */
class ContainerImageTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path work;

    @Test
    void everyServiceImageCopiesBuildOutputThatExists() {
        Dockerfiles cpu = Dockerfiles.read("Dockerfile");
        for (String service : ServiceSettings.SERVICES) {
            List<String> copied = cpu.copiedFromBuild(Map.of("SERVICE", service));
            assertThat(copied).containsExactly("/src/" + service + "-service/target/quarkus-app/");
            Path app = ROOT.resolve(service + "-service/target/quarkus-app");
            assertThat(app.resolve("quarkus-run.jar")).as("run ./mvnw package first").isRegularFile();
            assertThat(app.resolve("lib/main")).isDirectory();
            assertThat(app.resolve("quarkus")).isDirectory();
        }
        assertThat(Dockerfiles.read("Dockerfile.training-cuda").copiedFromBuild(Map.of()))
                .containsExactly("/src/training-service/target/quarkus-app/");
    }

    @Test
    void theImagesRunAsANonRootUserWithAHealthCheckAndThePyTorchSettings() {
        for (String file : List.of("Dockerfile", "Dockerfile.training-cuda")) {
            Dockerfiles image = Dockerfiles.read(file);
            Map<String, String> env = image.environment(Map.of("SERVICE", "training"));

            assertThat(image.last("USER")).as(file).isEqualTo("10001:10001");
            assertThat(image.last("HEALTHCHECK")).contains("/usr/local/bin/healthcheck.sh");
            assertThat(image.last("ENTRYPOINT")).contains("/usr/local/bin/entrypoint.sh");
            assertThat(env).containsEntry("OMP_WAIT_POLICY", "PASSIVE").containsEntry("DJL_CACHE_DIR", "/var/cache/djl")
                    .containsEntry("AIAAS_SERVICE", "training").containsEntry("QUARKUS_MANAGEMENT_HOST", "0.0.0.0");
            assertThat(env.get("JAVA_OPTS")).contains("-Dai.djl.offline=true");
        }
        assertThat(Dockerfiles.read("Dockerfile.training-cuda").environment(Map.of("PYTORCH_VERSION", "2.7.1",
                "PYTORCH_FLAVOR", "cu128"))).containsEntry("PYTORCH_LIBRARY_PATH", "/opt/libtorch/lib")
                .containsEntry("PYTORCH_FLAVOR", "cu128");
        assertThat(Dockerfiles.DIRECTORY.resolve("entrypoint.sh")).isExecutable();
        assertThat(Dockerfiles.DIRECTORY.resolve("healthcheck.sh")).isExecutable();
    }

    @Test
    void theEntryCommandStartsTheServiceWithTheImagesEnvironmentAndTheHealthCheckFindsItReady() throws Exception {
        RealServers servers = RealServers.get();
        Map<String, String> env = new HashMap<>(Dockerfiles.read("Dockerfile").environment(Map.of("SERVICE",
                "registry")));
        KeyPair users = PemKeys.generateRsa();
        KeyPair services = PemKeys.generateRsa();
        env.putAll(Map.of(
                "AIAAS_APP_DIR", ROOT.resolve("registry-service/target/quarkus-app").toString(),
                "QUARKUS_HTTP_PORT", "0",
                "QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()),
                "KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrap(),
                "AIAAS_KAFKA_TOPICS_REPLICATION_FACTOR", "1",
                "AIAAS_KAFKA_TOPICS_MIN_INSYNC_REPLICAS", "1",
                "QUARKUS_DATASOURCE_JDBC_URL", servers.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", servers.dbUser(),
                "QUARKUS_DATASOURCE_PASSWORD", servers.dbPassword()));
        env.putAll(Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "true",
                "AIAAS_TOKEN_ISSUER", "image-test",
                "AIAAS_TOKEN_PUBLIC_KEY", write("users.pem", PemKeys.publicPem(users.getPublic())),
                "AIAAS_SERVICE_PUBLIC_KEY", write("services.pem", PemKeys.publicPem(services.getPublic())),
                "AIAAS_SERVICE_PRIVATE_KEY", write("services-private.pem", PemKeys.privatePem(services.getPrivate()))));
        env.putAll(Map.of(
                "AIAAS_STORAGE_ENDPOINT", servers.s3Endpoint(),
                "AIAAS_STORAGE_ACCESS_KEY", servers.s3AccessKey(),
                "AIAAS_STORAGE_SECRET_KEY", servers.s3SecretKey(),
                "AIAAS_STORAGE_BUCKET", servers.bucket(),
                "AIAAS_STORAGE_ENCRYPTION_KEYS", servers.storageKeys()));
        Path log = work.resolve("registry.log");
        ProcessBuilder entry = new ProcessBuilder(Dockerfiles.DIRECTORY.resolve("entrypoint.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        entry.environment().putAll(env);
        Process registry = entry.start();
        try {
            assertThat(healthy(env, Duration.ofSeconds(90))).as("the health check within 90 s; the log:\n%s",
                    (Object) tail(log)).isTrue();
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + env.get("QUARKUS_MANAGEMENT_PORT") + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.body()).contains("\"status\": \"UP\"", "access-grants-loaded");
        } finally {
            registry.destroy();
            registry.waitFor(20, TimeUnit.SECONDS);
            registry.destroyForcibly();
        }
    }

    /** Runs the image's health check until it passes or {@code timeout} runs out. */
    private static boolean healthy(Map<String, String> env, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ProcessBuilder check = new ProcessBuilder(Dockerfiles.DIRECTORY.resolve("healthcheck.sh").toString());
            check.environment().putAll(env);
            Process probe = check.redirectErrorStream(true).start();
            if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return true;
            }
            probe.destroyForcibly();
            Thread.sleep(1000);
        }
        return false;
    }

    private String write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content).toString();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
