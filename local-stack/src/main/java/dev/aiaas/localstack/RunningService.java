package dev.aiaas.localstack;

import java.nio.file.Path;

/**
 * A service of a started stack.
 *
 * @param name     the service
 * @param host     where it listens ({@code localhost})
 * @param port     its one API port, for gRPC and HTTP alike
 * @param managementPort where its health and metrics are served (plain HTTP, no token)
 * @param pid      the process id of its JVM
 * @param log      its stdout and stderr
 * @param restarts how often it was restarted after its process exited ({@code ./aiaas up} restarts them)
 * @param tls      whether it serves TLS (certificate from the stack's CA) rather than plain text
 */
public record RunningService(ServiceName name, String host, int port, int managementPort, long pid, Path log,
        int restarts, boolean tls) {

    /** {@code localhost:18084}, the target for a gRPC channel. */
    public String address() {
        return host + ":" + port;
    }

    /** {@code https://localhost:18084} ({@code http} without TLS), the base of its REST routes. */
    public String httpBase() {
        return (tls ? "https://" : "http://") + address();
    }

    /** {@code http://localhost:41234}, the base of its {@code /q/health} and {@code /q/metrics}. */
    public String managementBase() {
        return "http://" + host + ":" + managementPort;
    }
}
