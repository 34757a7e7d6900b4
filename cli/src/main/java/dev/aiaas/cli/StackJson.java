package dev.aiaas.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.security.ClientTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code <home>/stack.json}, as the local stack's launcher writes it while it runs: where each
 * service listens and the CA its certificate is signed by (none when it serves plain text).
 * Only what a client needs is read; the launcher's pids and logs are ignored.
 */
public record StackJson(List<Service> services, String caCertificate) {

    /** One service of the stack, by its id ({@code ingest}, {@code serving}, …). */
    public record Service(String name, String host, int port) {
    }

    public static final String FILE = "stack.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file in {@code home}, or empty when no stack has written one there. */
    public static Optional<StackJson> in(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackJson.class));
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read (" + e.getMessage() + "): if no stack is running, "
                    + "delete it; else ./aiaas status shows the stack", e);
        }
    }

    /** Where the services listen; a service the file does not list keeps its default port. */
    public Addresses addresses() {
        Map<String, Service> byName = services == null ? Map.of()
                : services.stream().collect(Collectors.toMap(Service::name, Function.identity(), (a, b) -> b));
        Addresses defaults = Addresses.from(Map.of());
        String host = byName.values().stream().map(Service::host).filter(h -> h != null && !h.isBlank()).findFirst()
                .orElse(defaults.host());
        return new Addresses(host, port(byName, "ingest", defaults.ingest()),
                port(byName, "preprocess", defaults.preprocess()), port(byName, "training", defaults.training()),
                port(byName, "registry", defaults.registry()), port(byName, "serving", defaults.serving()),
                port(byName, "monitoring", defaults.monitoring()));
    }

    /** TLS trusting the stack's CA, or plain text when the stack serves it. */
    public ClientTransport transport() {
        return caCertificate == null || caCertificate.isBlank() ? ClientTransport.plaintext()
                : ClientTransport.trusting(Path.of(caCertificate));
    }

    private static int port(Map<String, Service> byName, String name, int fallback) {
        Service service = byName.get(name);
        return service == null || service.port() <= 0 ? fallback : service.port();
    }
}
