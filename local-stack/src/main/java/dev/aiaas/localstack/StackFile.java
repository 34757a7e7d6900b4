package dev.aiaas.localstack;

import dev.aiaas.security.ClientTransport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code <home>/stack.json}: what a running {@code up} started, so that {@code status} and
 * {@code down} in another terminal can find it. Process start times are recorded with the pids,
 * so that a pid the system has since given to another process is never mistaken for ours.
 * Rewritten after each restart of a service, so that its pid stays current.
 */
final class StackFile {


    /** A shared server: PostgreSQL, Kafka or S3. */
    record Server(String name, String address, String protocol) {
    }

    /**
     * A service JVM.
     *
     * @param restarts       how often the launcher restarted it (0 in files from before restarts)
     * @param managementPort where its health and metrics are (0 in files from before)
     */
    record Service(String name, long pid, String started, String host, int port, String log, int restarts,
            int managementPort) {

        String address() {
            return host + ":" + port;
        }

        /** What its port speaks, and where its health and metrics are. */
        String protocol(boolean tls) {
            String api = tls ? "grpc + https (TLS)" : "grpc + http";
            return managementPort == 0 ? api : api + ", health :" + managementPort;
        }
    }

    /** Another process the launcher started (PostgreSQL, S3Proxy), to stop it if the launcher was killed. */
    record Helper(long pid, String started, String command) {
    }

    /**
     * The whole file.
     *
     * @param caCertificate the CA the services' certificate is signed by; {@code null} when they
     *                      serve plain text (and in files from before TLS)
     */
    record Contents(long launcherPid, String launcherStarted, String home, double readySeconds,
            List<Server> servers, List<Service> services, List<Helper> helpers, String caCertificate) {

        /** How to reach the services this file describes. */
        ClientTransport transport() {
            return caCertificate == null ? ClientTransport.plaintext() : ClientTransport.trusting(Path.of(caCertificate));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StackFile() {
    }

    /** What {@code stack} is, as seen from this (the launcher's) process. */
    static Contents describe(LocalStack stack) {
        BackingEndpoints endpoints = stack.endpoints();
        List<Server> servers = List.of(
                new Server("postgres", endpoints.jdbcUrl().replaceFirst("^jdbc:postgresql://", "")
                        .replaceFirst("/.*$", ""), "postgresql"),
                new Server("kafka", endpoints.kafkaBootstrap(), "kafka"),
                new Server("s3", endpoints.s3Endpoint(), "s3 (http)"));
        List<Service> services = stack.services().stream()
                .map(s -> new Service(s.name().id(), s.pid(), started(ProcessHandle.of(s.pid())), s.host(), s.port(),
                        s.log().toString(), s.restarts(), s.managementPort()))
                .toList();
        ProcessHandle self = ProcessHandle.current();
        Set<Long> servicePids = services.stream().map(Service::pid).collect(Collectors.toSet());
        List<Helper> helpers = new ArrayList<>();
        self.children().filter(child -> !servicePids.contains(child.pid())).map(StackFile::helper)
                .forEach(helpers::add);
        // pg_ctl detaches PostgreSQL from the launcher; its pid is in the cluster's postmaster.pid.
        postmaster(stack.options().home().resolve("postgres").resolve("pgdata")).ifPresent(helpers::add);
        return new Contents(self.pid(), started(Optional.of(self)), stack.options().home().toString(),
                stack.timeToReady().toMillis() / 1000.0, servers, services, helpers,
                stack.transport().trustedCa().map(Path::toString).orElse(null));
    }

    private static Optional<Helper> postmaster(Path pgdata) {
        try (Stream<String> lines = Files.lines(pgdata.resolve("postmaster.pid"))) {
            long pid = Long.parseLong(lines.findFirst().orElse("").strip());
            return ProcessHandle.of(pid).map(StackFile::helper);
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Helper helper(ProcessHandle process) {
        return new Helper(process.pid(), started(Optional.of(process)), process.info().command().orElse("?"));
    }

    /** Writes atomically: a reader never sees half a file. */
    static void write(Path file, Contents contents) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), contents);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackStartException("cannot write " + file + ": " + e.getMessage()
                    + " (./aiaas status and down need it; check the permissions of " + file.getParent() + ")", e);
        }
    }

    /** The file's contents, or empty if there is none. */
    static Optional<Contents> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Contents.class));
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read (" + e.getMessage() + "); if no stack is"
                    + " running, delete it", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("aiaas: cannot delete " + file + ": " + e.getMessage());
        }
    }

    /** The living process with {@code pid} if it is the one that was recorded (same start time). */
    static Optional<ProcessHandle> living(long pid, String started) {
        return ProcessHandle.of(pid)
                .filter(ProcessTree::isRunning)
                .filter(process -> started == null || started.equals(started(Optional.of(process))));
    }

    private static String started(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().startInstant()).map(Instant::toString).orElse(null);
    }
}
