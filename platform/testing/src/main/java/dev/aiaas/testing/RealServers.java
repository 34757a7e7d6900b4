package dev.aiaas.testing;

import java.util.ArrayList;
import java.util.List;
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

    private static RealServers instance;
    private static RuntimeException startFailure;

    private final KafkaBroker kafka;
    private final S3ProxyServer s3;
    private final PostgresServer postgres;

    private RealServers(KafkaBroker kafka, S3ProxyServer s3, PostgresServer postgres) {
        this.kafka = kafka;
        this.s3 = s3;
        this.postgres = postgres;
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
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "aiaas-real-servers-stop"));
        }
        return instance;
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public String s3Endpoint() {
        return s3.endpoint();
    }

    public String s3AccessKey() {
        return s3.accessKey();
    }

    public String s3SecretKey() {
        return s3.secretKey();
    }

    public String bucket() {
        return BUCKET;
    }

    /** JDBC URL of the {@value #DATABASE} database. */
    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    public String dbUser() {
        return postgres.user();
    }

    public String dbPassword() {
        return postgres.password();
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
                RealServers servers = new RealServers(kafka.join(), s3.join(), postgres.join());
                servers.prepare();
                return servers;
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

    private void prepare() {
        postgres.ensureDatabase(DATABASE);
        MinioClient client = MinioClient.builder()
                .endpoint(s3.endpoint())
                .credentials(s3.accessKey(), s3.secretKey())
                .build();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
            }
        } catch (Exception e) {
            throw new ServerStartException("cannot create bucket " + BUCKET + " on " + s3.endpoint() + ": " + e, e);
        }
    }

    private void stop() {
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable server : List.of(kafka, s3, postgres)) {
            try {
                server.close();
            } catch (Exception e) {
                failures.add(new IllegalStateException(server.getClass().getSimpleName() + " did not stop: " + e, e));
            }
        }
        failures.forEach(failure -> System.err.println("aiaas: " + failure.getMessage()));
    }
}
