package dev.aiaas.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * Stands in for a Quarkus service in {@link LocalStackTest}: answers gRPC health SERVING on
 * {@code QUARKUS_HTTP_PORT}, over TLS with the certificate Quarkus would be given
 * ({@code QUARKUS_HTTP_SSL_CERTIFICATE_FILES}) when there is one, and writes the environment it was given to {@code env.txt} in its
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
        String certificate = System.getenv("QUARKUS_HTTP_SSL_CERTIFICATE_FILES");
        ServerCredentials credentials = certificate == null ? InsecureServerCredentials.create()
                : TlsServerCredentials.create(new File(certificate),
                        new File(System.getenv("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES")));
        Server server = Grpc.newServerBuilderForPort(Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT")), credentials)
                .addService(health.getHealthService())
                .build()
                .start();
        health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
        System.out.println("fake service listening on " + server.getPort());
        server.awaitTermination();
    }
}
