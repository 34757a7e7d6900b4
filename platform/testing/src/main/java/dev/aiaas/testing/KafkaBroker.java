package dev.aiaas.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka 4 broker in KRaft mode, running inside this JVM as a single node that is both
 * broker and controller. Its log directory is formatted on first start only, so a broker
 * restarted on the same data directory keeps its topics and records.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start(ServerOptions.ephemeral())) {
 *     producerProps.put("bootstrap.servers", broker.bootstrapServers());
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {

    /** Environment variable the local stack reads the broker port from. */
    public static final String PORT_VARIABLE = "AIAAS_KAFKA_PORT";

    private static final String NAME = "kafka";

    private final DataDirectory dataDir;
    private final int port;
    private final KafkaRaftServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(DataDirectory dataDir, int port, KafkaRaftServer server) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
    }

    /**
     * Starts a broker and waits until it answers a cluster description.
     *
     * @throws ServerStartException if the port is taken, the directory is unwritable, or the
     *                              broker does not become ready in time
     */
    public static KafkaBroker start(ServerOptions options) {
        KafkaBrokerLogging.quiet();
        int port = ServerPort.choose(NAME, options.port(), PORT_VARIABLE);
        int controllerPort = ServerPort.choose(NAME + " controller", 0, PORT_VARIABLE);
        DataDirectory dataDir = DataDirectory.prepare(NAME, options.dataDir());
        KafkaRaftServer server = null;
        try {
            Path logDir = dataDir.subdirectory("logs");
            Properties props = KafkaBrokerProperties.of(port, controllerPort, logDir);
            Path configFile = writeConfig(dataDir.path().resolve("server.properties"), props);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(configFile);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(dataDir, port, server);
            broker.awaitReady(options);
            return broker;
        } catch (RuntimeException e) {
            stopQuietly(server);
            dataDir.close();
            throw e instanceof ServerStartException sse ? sse
                    : new ServerStartException("kafka failed to start on port " + port + " with data in "
                            + dataDir + ": " + ServerStartException.describe(e), e);
        }
    }

    /** {@code host:port} for the {@code bootstrap.servers} client setting. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir.path();
    }

    /** Shuts the broker down cleanly, then deletes a temporary data directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            dataDir.close();
        }
    }

    private void awaitReady(ServerOptions options) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(config)) {
            Readiness.await(NAME, options.readyTimeout(), () -> {
                if (admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                    throw new IllegalStateException("no broker registered yet");
                }
            });
        }
    }

    private static Path writeConfig(Path file, Properties props) {
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "written by aiaas KafkaBroker; rewritten on every start");
            return file;
        } catch (IOException e) {
            throw new ServerStartException("cannot write kafka configuration " + file + ": " + e.getMessage(), e);
        }
    }

    /** Formats the log directory for a new cluster, as {@code kafka-storage.sh format} does. */
    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()};
            exitCode = StorageTool.execute(args, print);
        }
        if (exitCode != 0) {
            throw new ServerStartException("formatting kafka storage failed (exit " + exitCode + "): "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            // Shutting down after a failed start can fail again; the start failure is what matters.
        }
    }
}
