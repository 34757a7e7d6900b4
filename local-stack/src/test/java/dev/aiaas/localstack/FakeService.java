package dev.aiaas.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * Stands in for a Quarkus service in {@link LocalStackTest}: answers gRPC health SERVING on
 * {@code QUARKUS_HTTP_PORT} and writes the environment it was given to {@code env.txt} in its
 * working directory. With {@code -Dfake.crash=<module>} the service of that module prints a
 * failure and exits with code 3 instead, as a service with a bad configuration would.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of("env.txt"), new TreeMap<>(System.getenv()).toString());
        String crash = System.getProperty("fake.crash");
        if (crash != null && System.getProperty("sun.java.command", "").contains(crash)) {
            System.out.println("starting " + crash);
            System.out.println("boom: cannot connect to the database");
            System.exit(3);
        }
        HealthStatusManager health = new HealthStatusManager();
        Server server = Grpc.newServerBuilderForPort(Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT")),
                        InsecureServerCredentials.create())
                .addService(health.getHealthService())
                .build()
                .start();
        health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
        System.out.println("fake service listening on " + server.getPort());
        server.awaitTermination();
    }
}
