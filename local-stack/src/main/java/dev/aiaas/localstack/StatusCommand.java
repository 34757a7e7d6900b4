package dev.aiaas.localstack;

import dev.aiaas.security.ClientTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * {@code status}: reads {@code stack.json}, checks that the launcher and every service process
 * are alive, asks each service for its gRPC health and each server for a TCP connection, and
 * prints the table, with how often the launcher has restarted each service. Exit code 0 when
 * everything is SERVING, {@value #NOT_RUNNING} when no stack runs, {@value #DEGRADED} when one
 * runs but something in it does not answer (a service waiting to be restarted included).
 */
final class StatusCommand {

    static final int NOT_RUNNING = 1;
    static final int DEGRADED = 3;
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private StatusCommand() {
    }

    static int run(StackOptions options) {
        Optional<StackFile.Contents> recorded = StackFile.read(options.stackFile());
        if (recorded.isEmpty()) {
            System.out.println("no stack is running (no " + options.stackFile() + "): start one with ./aiaas up");
            return NOT_RUNNING;
        }
        StackFile.Contents contents = recorded.get();
        boolean launcherAlive = StackFile.living(contents.launcherPid(), contents.launcherStarted()).isPresent();
        boolean[] healthy = {launcherAlive};
        String table = StackReport.table(contents,
                server -> {
                    boolean up = accepts(server.address());
                    healthy[0] &= up;
                    return up ? "ready" : "not answering";
                },
                service -> {
                    String state = state(service, launcherAlive, contents.transport());
                    healthy[0] &= state.equals(ServingStatus.SERVING.name());
                    return state;
                });
        System.out.print(table);
        if (!launcherAlive) {
            System.out.println("the launcher (pid " + contents.launcherPid() + ") is gone: the stack is not running."
                    + " ./aiaas down stops whatever it left; ./aiaas up starts it again");
            return NOT_RUNNING;
        }
        System.out.println("launcher pid " + contents.launcherPid() + ", up since " + contents.launcherStarted()
                + ", home " + contents.home());
        if (!healthy[0]) {
            System.out.println("not everything answers: see the logs in " + options.logDir());
            return DEGRADED;
        }
        return 0;
    }

    private static String state(StackFile.Service service, boolean launcherAlive, ClientTransport transport) {
        if (StackFile.living(service.pid(), service.started()).isEmpty()) {
            // A running launcher restarts it after a back-off and records the new pid.
            return launcherAlive ? "restarting" : "exited";
        }
        ServingStatus status = HealthProbe.checkOnce(service.host(), service.port(), transport);
        return status == ServingStatus.UNKNOWN ? "no answer" : status.name();
    }

    /** Whether something accepts TCP connections at {@code host:port} or {@code http://host:port}. */
    private static boolean accepts(String address) {
        URI uri = URI.create(address.contains("://") ? address : "tcp://" + address);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
