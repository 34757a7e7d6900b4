package dev.aiaas.testing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;

/**
 * One Kafka broker, one S3Proxy and one PostgreSQL for the whole test JVM, started on first use
 * and stopped when the JVM exits. Every test class that asks gets the same servers, with the
 * database {@value #DATABASE} and the bucket {@value #BUCKET} already created; tests keep apart
 * by using their own topics, keys and tables.
 *
 * <p>The servers stop in a shutdown hook. Kafka's threads are not daemons, so a JVM whose
 * {@code main} simply returns never reaches that hook; test runners (Surefire) end their JVMs
 * with {@code System.exit}, which does. Programs that manage their own lifetime, such as the
 * local stack, should start and close {@link KafkaBroker}, {@link S3ProxyServer} and
 * {@link PostgresServer} themselves.
 */
public final class RealServers {

    /** Database created on the PostgreSQL server. */
    public static final String DATABASE = "aiaas";
    /** Bucket created on the S3 server. */
    public static final String BUCKET = "aiaas";

    /**
     * Prefix of the system properties through which the servers' addresses are shared with
     * copies of this class in other class loaders (Quarkus loads test code in its own), so
     * that the JVM still starts one set of servers.
     */
    private static final String SHARED_PROPERTY_PREFIX = "aiaas.real-servers.";
    private static final List<String> SHARED_FIELDS = List.of(
            "kafka-bootstrap", "s3-endpoint", "s3-access-key", "s3-secret-key", "storage-keys", "jdbc-url", "db-user",
            "db-password");

    private static RealServers instance;
    private static RuntimeException startFailure;

    private final Map<String, String> addresses;

    private RealServers(Map<String, String> addresses) {
        this.addresses = Map.copyOf(addresses);
    }

    /**
     * The servers of this JVM, started on the first call (the three in parallel) and shared by
     * every later one.
     *
     * @throws ServerStartException if a server could not start; later calls fail the same way
     *                              at once instead of waiting for another timeout
     */
    public static synchronized RealServers get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (instance == null) {
            instance = sharedByAnotherClassLoader();
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            instance.addresses.forEach((field, value) -> System.setProperty(SHARED_PROPERTY_PREFIX + field, value));
        }
        return instance;
    }

    public String kafkaBootstrap() {
        return addresses.get("kafka-bootstrap");
    }

    public String s3Endpoint() {
        return addresses.get("s3-endpoint");
    }

    public String s3AccessKey() {
        return addresses.get("s3-access-key");
    }

    public String s3SecretKey() {
        return addresses.get("s3-secret-key");
    }

    public String bucket() {
        return BUCKET;
    }

    /**
     * The key-encryption key the tests' artifact stores encrypt with ({@code id:base64}, as
     * {@code aiaas.storage.encryption.keys} reads it): random per JVM, like a real installation's.
     */
    public String storageKeys() {
        return addresses.get("storage-keys");
    }

    /** JDBC URL of the {@value #DATABASE} database. */
    public String jdbcUrl() {
        return addresses.get("jdbc-url");
    }

    public String dbUser() {
        return addresses.get("db-user");
    }

    public String dbPassword() {
        return addresses.get("db-password");
    }

    private static RealServers sharedByAnotherClassLoader() {
        Map<String, String> shared = new HashMap<>();
        for (String field : SHARED_FIELDS) {
            String value = System.getProperty(SHARED_PROPERTY_PREFIX + field);
            if (value == null) {
                return null;
            }
            shared.put(field, value);
        }
        return new RealServers(shared);
    }

    private static RealServers start() {
        ExecutorService starter = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "aiaas-real-servers-start");
            thread.setDaemon(true);
            return thread;
        });
        ServerOptions options = ServerOptions.ephemeral();
        try {
            CompletableFuture<KafkaBroker> kafka = startOn(starter, () -> KafkaBroker.start(options));
            CompletableFuture<S3ProxyServer> s3 = startOn(starter, () -> S3ProxyServer.start(options));
            CompletableFuture<PostgresServer> postgres = startOn(starter, () -> PostgresServer.start(options));
            try {
                CompletableFuture.allOf(kafka, s3, postgres).join();
                prepare(s3.join(), postgres.join());
                List<AutoCloseable> started = List.of(kafka.join(), s3.join(), postgres.join());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "aiaas-real-servers-stop"));
                return new RealServers(addresses(kafka.join(), s3.join(), postgres.join()));
            } catch (RuntimeException e) {
                List.of(kafka, s3, postgres).forEach(RealServers::closeIfStarted);
                throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        } finally {
            starter.shutdown();
        }
    }

    private static <T> CompletableFuture<T> startOn(ExecutorService executor, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, executor);
    }

    private static void closeIfStarted(CompletableFuture<? extends AutoCloseable> server) {
        server.handle((started, failure) -> started).thenAccept(started -> {
            if (started != null) {
                try {
                    started.close();
                } catch (Exception e) {
                    // The start failure is being reported; a failed cleanup would only hide it.
                }
            }
        }).join();
    }

    private static Map<String, String> addresses(KafkaBroker kafka, S3ProxyServer s3, PostgresServer postgres) {
        return Map.of(
                "kafka-bootstrap", kafka.bootstrapServers(),
                "s3-endpoint", s3.endpoint(),
                "s3-access-key", s3.accessKey(),
                "s3-secret-key", s3.secretKey(),
                "storage-keys", "test-kek:" + Base64.getEncoder().encodeToString(randomKey()),
                "jdbc-url", postgres.jdbcUrl(DATABASE),
                "db-user", postgres.user(),
                "db-password", postgres.password());
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static void prepare(S3ProxyServer s3, PostgresServer postgres) {
        postgres.ensureDatabase(DATABASE);
        try (MinioClient client = MinioClient.builder()
                .endpoint(s3.endpoint())
                .credentials(s3.accessKey(), s3.secretKey())
                .build()) {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
            }
        } catch (Exception e) {
            throw new ServerStartException("cannot create bucket " + BUCKET + " on " + s3.endpoint() + ": " + e, e);
        }
    }

    /** Runs in the shutdown hook, where nobody is left to catch: report and carry on. */
    private static void stop(List<AutoCloseable> servers) {
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("aiaas: " + server.getClass().getSimpleName() + " did not stop: " + e);
            }
        }
    }
}
