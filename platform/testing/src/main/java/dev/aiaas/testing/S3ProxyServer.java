package dev.aiaas.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real S3 API server: S3Proxy with the jclouds {@code filesystem} backend, run as its own JVM
 * ({@code java -jar s3proxy.jar --properties <file>}) so that its Jetty and Jackson stay off
 * this JVM's class path. It enforces AWS V4 (or V2) signatures against one access key / secret
 * key pair. Objects live under {@code <dataDir>/blobs}; its output goes to
 * {@code <dataDir>/s3proxy.log}.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** Environment variable the local stack reads the S3 port from. */
    public static final String PORT_VARIABLE = "AIAAS_S3_PORT";
    public static final String DEFAULT_ACCESS_KEY = "aiaas";
    public static final String DEFAULT_SECRET_KEY = "aiaas-secret-key";

    private static final String NAME = "s3proxy";
    private static final long STOP_WAIT_SECONDS = 10;

    private final DataDirectory dataDir;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private final Process process;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S3ProxyServer(DataDirectory dataDir, int port, String accessKey, String secretKey, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.process = process;
    }

    /** Starts S3Proxy with the default credentials ({@value #DEFAULT_ACCESS_KEY} / its secret). */
    public static S3ProxyServer start(ServerOptions options) {
        return start(options, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY);
    }

    /**
     * Starts S3Proxy and waits until its endpoint answers HTTP.
     *
     * @throws ServerStartException if the jar is missing, the port is taken, the directory is
     *                              unwritable, or the process dies or stays silent
     */
    public static S3ProxyServer start(ServerOptions options, String accessKey, String secretKey) {
        Path jar = S3ProxyJar.locate();
        int port = ServerPort.choose(NAME, options.port(), PORT_VARIABLE);
        DataDirectory dataDir = DataDirectory.prepare(NAME, options.dataDir());
        Process process = null;
        try {
            Path config = writeConfig(dataDir, port, accessKey, secretKey);
            Path log = dataDir.path().resolve("s3proxy.log");
            process = new ProcessBuilder(javaCommand(jar, config))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            S3ProxyServer server = new S3ProxyServer(dataDir, port, accessKey, secretKey, process);
            server.awaitReady(options, log);
            return server;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                stop(process);
            }
            dataDir.close();
            throw e instanceof ServerStartException sse ? sse
                    : new ServerStartException("s3proxy failed to start on port " + port + ": "
                            + ServerStartException.describe(e), e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint for S3 clients (path-style access). */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public Path dataDir() {
        return dataDir.path();
    }

    /** Stops the S3Proxy process and its descendants, then deletes a temporary data directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stop(process);
        } finally {
            dataDir.close();
        }
    }

    private void awaitReady(ServerOptions options, Path log) {
        Readiness.await(NAME, options.readyTimeout(), () -> {
            if (!process.isAlive()) {
                throw new ServerStartException("s3proxy exited with code " + process.exitValue()
                        + " before it was ready; its output is in " + log + ":\n" + tail(log));
            }
            HttpURLConnection http = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
            http.setConnectTimeout(1_000);
            http.setReadTimeout(2_000);
            try {
                http.getResponseCode(); // any HTTP answer, even 403 for an unsigned request, means ready
            } finally {
                http.disconnect();
            }
        });
    }

    private static Path writeConfig(DataDirectory dataDir, int port, String accessKey, String secretKey)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", accessKey);
        p.setProperty("s3proxy.credential", secretKey);
        p.setProperty("jclouds.provider", "filesystem");
        p.setProperty("jclouds.filesystem.basedir", dataDir.subdirectory("blobs").toString());
        p.setProperty("jclouds.identity", accessKey);
        p.setProperty("jclouds.credential", secretKey);
        Path file = dataDir.path().resolve("s3proxy.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "written by aiaas S3ProxyServer; rewritten on every start");
        }
        return file;
    }

    private static List<String> javaCommand(Path jar, Path config) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A small heap and the serial collector: S3Proxy streams objects and needs little memory.
        return List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--properties", config.toString());
    }

    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
