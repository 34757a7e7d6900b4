package dev.aiaas.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads from its environment, from its own sources: the properties of its
 * {@code application.properties} and of the platform's shared configuration (each also settable
 * as an environment variable, by Quarkus's rule: upper case, every other character '_'), the
 * variables they name without a default (which the service cannot start without), and the
 * settings Quarkus and the libraries read that no file names.
 */
final class ServiceSettings {

    static final List<String> SERVICES = List.of("ingest", "preprocess", "training", "registry", "serving",
            "monitoring");

    /** Read by Quarkus, Kafka's clients, libgomp and DJL without a line in any file of ours. */
    private static final List<Pattern> BUILT_IN = Stream.of(
            "QUARKUS_HTTP_HOST", "QUARKUS_MANAGEMENT_HOST", "QUARKUS_HTTP_SSL_PORT", "QUARKUS_HTTP_INSECURE_REQUESTS",
            "QUARKUS_HTTP_SSL_CERTIFICATE_FILES", "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES",
            "QUARKUS_GRPC_CLIENTS_[A-Z]+_(HOST|PORT|SSL_TRUST_STORE)", "QUARKUS_OTEL_SDK_DISABLED",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "KAFKA_(SECURITY_PROTOCOL|SASL_[A-Z_]+|SSL_[A-Z_]+)",
            "OMP_WAIT_POLICY", "DJL_CACHE_DIR").map(Pattern::compile).toList();
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private ServiceSettings() {
    }

    /** The variables {@code service} stops without: named in its configuration with no default. */
    static Set<String> required(String service) {
        Set<String> required = new TreeSet<>();
        for (String line : lines(service)) {
            Matcher variable = REQUIRED.matcher(line);
            while (variable.find()) {
                required.add(variable.group(1));
            }
        }
        return required;
    }

    /** Whether {@code service} reads the environment variable {@code name}. */
    static boolean reads(String service, String name) {
        if (BUILT_IN.stream().anyMatch(p -> p.matcher(name).matches()) || required(service).contains(name)) {
            return true;
        }
        return lines(service).stream().map(line -> line.substring(0, line.indexOf('=')).trim())
                .map(ServiceSettings::asVariable).anyMatch(name::equals);
    }

    private static String asVariable(String property) {
        return property.replace("\"", "").replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The service's property lines (not the test profile's), its own and the platform's. */
    private static List<String> lines(String service) {
        List<Path> files = List.of(ROOT.resolve(service + "-service/src/main/resources/application.properties"),
                ROOT.resolve("platform/events/src/main/resources/META-INF/microprofile-config.properties"),
                ROOT.resolve("platform/security/src/main/resources/META-INF/microprofile-config.properties"));
        return files.stream().flatMap(ServiceSettings::read)
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("%") && line.contains("="))
                .toList();
    }

    private static Stream<String> read(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
