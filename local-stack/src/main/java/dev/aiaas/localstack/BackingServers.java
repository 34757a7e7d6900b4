package dev.aiaas.localstack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import dev.aiaas.testing.KafkaBroker;
import dev.aiaas.testing.PostgresServer;
import dev.aiaas.testing.S3ProxyServer;
import dev.aiaas.testing.ServerOptions;

/**
 * The three servers every service shares, started together: PostgreSQL (its own process),
 * a KRaft Kafka broker (inside this JVM) and S3Proxy (its own JVM). Their data lives in
 * {@code <home>/postgres}, {@code <home>/kafka} and {@code <home>/s3} and survives restarts.
 * Each is added to the stop list as soon as it is up, so a failure of another stops it again.
 */
final class BackingServers {

    /** Database every service's schema lives in. */
    static final String DATABASE = "aiaas";
    /** The one bucket of the suite. */
    static final String BUCKET = "aiaas";

    private BackingServers() {
    }

    /**
     * Starts the three servers in parallel, then creates the database and the bucket if missing.
     *
     * @throws StackStartException (or the servers' own {@code ServerStartException}) naming what
     *                             failed and what to do
     */
    static BackingEndpoints start(StackOptions options, StopList stopList, Progress progress) {
        ExecutorService starter = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "aiaas-server-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<PostgresServer> postgres = startOn(starter, () -> {
                PostgresServer server = PostgresServer.start(
                        ServerOptions.persistent(options.home().resolve("postgres"), options.postgresPort()));
                stopList.add("postgres", server);
                progress.step("postgres ready on 127.0.0.1:" + server.port());
                return server;
            });
            CompletableFuture<KafkaBroker> kafka = startOn(starter, () -> {
                KafkaBroker broker = KafkaBroker.start(
                        ServerOptions.persistent(options.home().resolve("kafka"), options.kafkaPort()));
                stopList.add("kafka", broker);
                progress.step("kafka ready on " + broker.bootstrapServers());
                return broker;
            });
            CompletableFuture<S3ProxyServer> s3 = startOn(starter, () -> {
                S3ProxyServer server = S3ProxyServer.start(
                        ServerOptions.persistent(options.home().resolve("s3"), options.s3Port()));
                stopList.add("s3", server);
                progress.step("s3 ready on " + server.endpoint());
                return server;
            });
            PostgresServer db = join(postgres, kafka, s3);
            db.ensureDatabase(DATABASE);
            S3ProxyServer store = s3.join();
            StorageBucket.ensure(store.endpoint(), store.accessKey(), store.secretKey(), BUCKET);
            progress.step("database " + DATABASE + " and bucket " + BUCKET + " ready");
            return new BackingEndpoints(kafka.join().bootstrapServers(), db.jdbcUrl(DATABASE), db.user(),
                    db.password(), store.endpoint(), store.accessKey(), store.secretKey(), BUCKET);
        } finally {
            starter.shutdown();
        }
    }

    /** Waits for all three; the first failure is thrown once the others have finished starting. */
    private static PostgresServer join(CompletableFuture<PostgresServer> postgres, CompletableFuture<?> kafka,
            CompletableFuture<?> s3) {
        try {
            CompletableFuture.allOf(postgres, kafka, s3).join();
            return postgres.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static <T> CompletableFuture<T> startOn(ExecutorService executor, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, executor);
    }
}
