package dev.aiaas.localstack;

import dev.aiaas.security.ClientTransport;

import dev.aiaas.security.LocalKeys;
import dev.aiaas.errors.Projects;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.aiaas.testing.KafkaBroker;
import dev.aiaas.testing.PostgresServer;
import dev.aiaas.testing.S3ProxyServer;
import dev.aiaas.testing.ServerOptions;

/**
 * The three servers every service shares, started together: PostgreSQL (its own process),
 * a KRaft Kafka broker (inside this JVM) and S3Proxy (its own JVM). Their data lives in
 * {@code <home>/postgres}, {@code <home>/kafka} and {@code <home>/s3} and survives restarts.
 * {@link #close()} stops whichever have started, S3Proxy first and PostgreSQL last, so it can
 * be registered for stopping before the start begins.
 */
final class BackingServers implements AutoCloseable {

    /** Database every service's schema lives in. */
    static final String DATABASE = "aiaas";
    /** The one bucket of the suite. */
    static final String BUCKET = "aiaas";

    private final StackOptions options;
    private final Progress progress;
    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;
    private volatile S3ProxyServer s3;
    /** Generated with the stack's credentials: every connection to its PostgreSQL needs it. */
    private volatile String postgresPassword;

    BackingServers(StackOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * Starts the three servers in parallel, then creates the database and the bucket if missing.
     *
     * @throws StackStartException (or the servers' own {@code ServerStartException}) naming what
     *                             failed and what to do
     */
    BackingEndpoints start() {
        ExecutorService starter = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "aiaas-server-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            LocalCredentials credentials = LocalCredentials.loadOrCreate(options.home());
            postgresPassword = credentials.postgresPassword();
            CompletableFuture<?> db = startOn(starter, () -> {
                postgres = PostgresServer.start(
                        ServerOptions.persistent(options.home().resolve("postgres"), options.postgresPort()),
                        postgresPassword);
                progress.step("postgres ready on 127.0.0.1:" + postgres.port());
            });
            CompletableFuture<?> broker = startOn(starter, () -> {
                kafka = KafkaBroker.start(
                        ServerOptions.persistent(options.home().resolve("kafka"), options.kafkaPort()));
                progress.step("kafka ready on " + kafka.bootstrapServers());
            });
            CompletableFuture<?> store = startOn(starter, () -> {
                s3 = S3ProxyServer.start(ServerOptions.persistent(options.home().resolve("s3"), options.s3Port()),
                        credentials.s3AccessKey(), credentials.s3SecretKey());
                progress.step("s3 ready on " + s3.endpoint() + " (credentials in " + credentials.file() + ")");
            });
            join(db, broker, store);
            postgres.ensureDatabase(DATABASE);
            StorageBucket.ensure(s3.endpoint(), s3.accessKey(), s3.secretKey(), BUCKET);
            progress.step("database " + DATABASE + " and bucket " + BUCKET + " ready");
            LocalKeys keys = LocalKeys.in(options.home()).ensure();
            progress.step("token keys in " + keys.dir() + ": every call needs a token, ./aiaas token --project "
                    + Projects.DEFAULT + " --role editor mints one");
            if (!ClientTransport.tlsOff(options.environment())) {
                LocalCertificates certificates = LocalCertificates.in(options.home()).ensure(LocalCertificates.hostsFor(
                        options.environment().getOrDefault(ServiceEnvironment.BIND_HOST, "")));
                progress.step("TLS on every service, certificate from the stack's CA " + certificates.caCertificate()
                        + " (clients trust it; --no-tls serves plain text)");
            }
            return new BackingEndpoints(kafka.bootstrapServers(), postgres.jdbcUrl(DATABASE), postgres.user(),
                    postgres.password(), s3.endpoint(), s3.accessKey(), s3.secretKey(), BUCKET,
                    credentials.storageKeys());
        } finally {
            starter.shutdown();
        }
    }

    /** Stops the broker and starts it again on its port with its data. */
    synchronized void restartKafka(Duration downtime) throws InterruptedException {
        int port = kafka.port();
        stop("kafka", kafka);
        Thread.sleep(downtime.toMillis());
        kafka = KafkaBroker.start(ServerOptions.persistent(options.home().resolve("kafka"), port));
        progress.step("kafka ready again on " + kafka.bootstrapServers());
    }

    /** Stops PostgreSQL and starts it again on its port with its data. */
    synchronized void restartPostgres(Duration downtime) throws InterruptedException {
        int port = postgres.port();
        stop("postgres", postgres);
        Thread.sleep(downtime.toMillis());
        postgres = PostgresServer.start(ServerOptions.persistent(options.home().resolve("postgres"), port),
                postgresPassword);
        progress.step("postgres ready again on 127.0.0.1:" + postgres.port());
    }

    /** Stops S3Proxy, Kafka, PostgreSQL (those that started), reporting each. */
    @Override
    public void close() {
        stop("s3", s3);
        stop("kafka", kafka);
        stop("postgres", postgres);
    }

    private void stop(String name, AutoCloseable server) {
        if (server == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            server.close();
            progress.step(String.format(Locale.ROOT, "stopped %s (%.1f s)", name, (System.nanoTime() - start) / 1e9));
        } catch (Exception e) {
            progress.step(name + " did not stop cleanly: " + e.getMessage());
        }
    }

    /** Waits for all three; the first failure is thrown once the others have finished starting. */
    private static void join(CompletableFuture<?>... starts) {
        try {
            CompletableFuture.allOf(starts).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static CompletableFuture<Void> startOn(ExecutorService executor, Runnable start) {
        return CompletableFuture.runAsync(start, executor);
    }
}
