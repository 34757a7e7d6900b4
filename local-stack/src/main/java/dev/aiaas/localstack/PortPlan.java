package dev.aiaas.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import dev.aiaas.testing.KafkaBroker;
import dev.aiaas.testing.PostgresServer;
import dev.aiaas.testing.S3ProxyServer;

/**
 * Checks every port of the stack before anything starts, so that a clash is one clear message
 * (which port, who wanted it, which variable moves it) instead of a half-started stack, and
 * picks free ports for services asked to run on port 0.
 */
final class PortPlan {

    /** One port the stack wants, and the variable that moves it. */
    private record Wanted(String owner, int port, String variable) {
    }

    private PortPlan() {
    }

    /**
     * The port each service will listen on: its configured port, or a free one for 0.
     *
     * @throws StackStartException naming every taken or doubly used port
     */
    static Map<ServiceName, Integer> resolve(StackOptions options, Set<ServiceName> services) {
        List<Wanted> wanted = new ArrayList<>();
        wanted.add(new Wanted("postgres", options.postgresPort(), PostgresServer.PORT_VARIABLE));
        wanted.add(new Wanted("kafka", options.kafkaPort(), KafkaBroker.PORT_VARIABLE));
        wanted.add(new Wanted("s3", options.s3Port(), S3ProxyServer.PORT_VARIABLE));
        services.forEach(service -> wanted.add(
                new Wanted(service.id(), options.servicePorts().get(service), service.portVariable())));
        requireAvailable(wanted);
        return choose(services, service -> options.servicePorts().get(service));
    }

    /**
     * A free port for each service's management interface (health and metrics), all different:
     * they are not published addresses, {@code ./aiaas status} and {@code stack.json} say where
     * each one is.
     */
    static Map<ServiceName, Integer> management(Set<ServiceName> services) {
        return choose(services, service -> 0);
    }

    private static void requireAvailable(List<Wanted> wanted) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Wanted> seen = new HashMap<>();
        for (Wanted port : wanted) {
            if (port.port() == 0) {
                continue;
            }
            Wanted earlier = seen.putIfAbsent(port.port(), port);
            if (earlier != null) {
                problems.add("port " + port.port() + " is set for both " + earlier.owner() + " and " + port.owner()
                        + ": change " + port.variable());
            } else if (!isFree(port.port())) {
                problems.add("port " + port.port() + " (" + port.owner() + ") is already in use: stop what holds it"
                        + " (is a stack already running? ./aiaas status) or set " + port.variable()
                        + "=<another port>");
            }
        }
        if (!problems.isEmpty()) {
            throw new StackStartException(String.join("\n", problems));
        }
    }

    private static Map<ServiceName, Integer> choose(Set<ServiceName> services, ToIntFunction<ServiceName> configured) {
        Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (ServiceName service : services) {
                int port = configured.applyAsInt(service);
                if (port == 0) {
                    // Held open until all are chosen, so that two services never get the same one.
                    ServerSocket socket = new ServerSocket(0);
                    held.add(socket);
                    port = socket.getLocalPort();
                }
                ports.put(service, port);
            }
            return ports;
        } catch (IOException e) {
            throw new StackStartException("no free port for a service: " + e.getMessage(), e);
        } finally {
            held.forEach(PortPlan::closeQuietly);
        }
    }

    /** A port no server listens on now, for one more service process. */
    static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackStartException("no free port for a service: " + e.getMessage(), e);
        }
    }

    /** Whether a server could bind {@code port} on every interface, as the services do. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // a probe socket; nothing to do
        }
    }
}
