package dev.aiaas.testing;

/**
 * A real server could not be started or did not become ready. The message names the server,
 * what went wrong and what to do about it (free a port, fix a directory, build a jar).
 */
public class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure's message, or its type where it has none (some libraries throw bare exceptions). */
    static String describe(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }
}
