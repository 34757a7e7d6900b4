package dev.aiaas.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Chooses the loopback port a server listens on, and turns "address already in use" into a
 * message that says what to do. Checking before the server binds gives one clear error instead
 * of a stack trace from deep inside Kafka, Jetty or PostgreSQL.
 */
final class ServerPort {

    private ServerPort() {
    }

    /**
     * Returns {@code requested} if it is free on 127.0.0.1, or any free port if it is 0.
     *
     * @param server       name used in the error message
     * @param requested    the wanted port, or 0
     * @param portVariable environment variable the local stack reads the port from, named in
     *                     the message so the user knows how to move the server elsewhere
     * @throws ServerStartException if the requested port is taken
     */
    static int choose(String server, int requested, String portVariable) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requested));
            return socket.getLocalPort();
        } catch (IOException e) {
            if (requested == 0) {
                throw new ServerStartException("no free port on 127.0.0.1 for " + server + ": " + e.getMessage(), e);
            }
            throw new ServerStartException("port " + requested + " is already in use: stop what holds it or set "
                    + portVariable + " (needed by " + server + ")", e);
        }
    }
}
