package dev.aiaas.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the built fast-jar of each service that is to start. A missing jar fails the start with
 * the build command, unless the options say to leave such services out.
 */
final class ServiceJars {

    static final String BUILD_COMMAND = "./mvnw -DskipTests install";

    private final Map<ServiceName, Path> jars;
    private final List<String> skipped;

    private ServiceJars(Map<ServiceName, Path> jars, List<String> skipped) {
        this.jars = jars;
        this.skipped = skipped;
    }

    /**
     * @throws StackStartException listing every missing jar, unless
     *                             {@link StackOptions#skipMissingJars()}
     */
    static ServiceJars locate(StackOptions options) {
        Map<ServiceName, Path> found = new EnumMap<>(ServiceName.class);
        List<String> missing = new ArrayList<>();
        for (ServiceName service : options.services()) {
            Path jar = service.jar(options.repositoryRoot());
            if (Files.isRegularFile(jar)) {
                found.put(service, jar);
            } else {
                boolean moduleExists = Files.isRegularFile(options.repositoryRoot().resolve(service.module())
                        .resolve("pom.xml"));
                missing.add(service.id() + " (" + (moduleExists ? "not built: no " + jar
                        : "no module " + service.module() + " in this checkout") + ")");
            }
        }
        if (!missing.isEmpty() && !options.skipMissingJars()) {
            throw new StackStartException("cannot start these services:\n  " + String.join("\n  ", missing)
                    + "\nbuild first: " + BUILD_COMMAND + " (or leave them out: ./aiaas up --skip-missing)");
        }
        if (found.isEmpty()) {
            throw new StackStartException("no service is built under " + options.repositoryRoot() + ": build first: "
                    + BUILD_COMMAND);
        }
        return new ServiceJars(found, missing);
    }

    /** The services that will start, with their jars, in table order. */
    Map<ServiceName, Path> jars() {
        return Collections.unmodifiableMap(jars);
    }

    /** Each service left out, with the reason. */
    List<String> skipped() {
        return Collections.unmodifiableList(skipped);
    }
}
