package dev.aiaas.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a real server keeps its data, which port it listens on, and how long it may take to
 * become ready.
 *
 * @param dataDir      directory that holds the server's data and log; {@code null} means a fresh
 *                     temporary directory that is deleted when the server is closed. A given
 *                     directory is created if missing and is never deleted, so data survives a
 *                     restart.
 * @param port         TCP port on 127.0.0.1; {@code 0} means any free port
 * @param readyTimeout how long to wait for the server to answer before giving up
 */
public record ServerOptions(Path dataDir, int port, Duration readyTimeout) {

    /** Long enough for a cold start on a busy 2-core machine. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

    public ServerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("readyTimeout must be positive, was " + readyTimeout);
        }
    }

    /** A temporary data directory, deleted on close, and any free port: what tests want. */
    public static ServerOptions ephemeral() {
        return new ServerOptions(null, 0, DEFAULT_READY_TIMEOUT);
    }

    /**
     * A data directory that survives restarts and a fixed port (or {@code 0} for any free
     * port): what the local stack wants.
     */
    public static ServerOptions persistent(Path dataDir, int port) {
        return new ServerOptions(Objects.requireNonNull(dataDir, "dataDir"), port, DEFAULT_READY_TIMEOUT);
    }

    /** The same options with another readiness timeout. */
    public ServerOptions withReadyTimeout(Duration timeout) {
        return new ServerOptions(dataDir, port, timeout);
    }

    /** Whether the data directory is a temporary one that is deleted on close. */
    public boolean isEphemeral() {
        return dataDir == null;
    }
}
