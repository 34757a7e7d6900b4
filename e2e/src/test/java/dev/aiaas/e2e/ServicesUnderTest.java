package dev.aiaas.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import dev.aiaas.localstack.ServiceName;

/**
 * Which services the end-to-end tests start: every service whose module exists in this checkout
 * ({@code <root>/<svc>-service/pom.xml}). A module that exists must have been built, or the
 * stack fails to start and so do the tests: a service is never silently left untested.
 * {@code -Daiaas.e2e.services=registry,serving} narrows the set by hand.
 */
final class ServicesUnderTest {

    static final String ROOT_PROPERTY = "aiaas.repository.root";
    static final String SERVICES_PROPERTY = "aiaas.e2e.services";

    private ServicesUnderTest() {
    }

    /** The repository root, as failsafe passes it (or the parent of the working directory). */
    static Path repositoryRoot() {
        String root = System.getProperty(ROOT_PROPERTY);
        Path path = root != null ? Path.of(root) : Path.of("..");
        return path.toAbsolutePath().normalize();
    }

    static Set<ServiceName> find(Path root) {
        String chosen = System.getProperty(SERVICES_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            Set<ServiceName> services = EnumSet.noneOf(ServiceName.class);
            Arrays.stream(chosen.split(",")).map(ServiceName::parse).forEach(services::add);
            return services;
        }
        Set<ServiceName> present = EnumSet.noneOf(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            if (Files.isRegularFile(root.resolve(service.module()).resolve("pom.xml"))) {
                present.add(service);
            }
        }
        return present;
    }

    /** Whether {@code pom} names {@code <module>…</module>} or {@code <artifactId>…</artifactId>}. */
    static boolean mentions(Path pom, String element, String value) {
        try {
            return Files.readString(pom).contains("<" + element + ">" + value + "</" + element + ">");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
