package dev.aiaas.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The six services of the suite, in the order they appear in tables, with what the local stack
 * needs to know to start each: its module, its default port and the variable that moves it, and
 * its default heap.
 */
public enum ServiceName {
    INGEST(18081, "512m"),
    PREPROCESS(18082, "512m"),
    TRAINING(18083, "2g"),
    REGISTRY(18084, "512m"),
    SERVING(18085, "512m"),
    MONITORING(18086, "512m");

    private final int defaultPort;
    private final String defaultHeap;

    ServiceName(int defaultPort, String defaultHeap) {
        this.defaultPort = defaultPort;
        this.defaultHeap = defaultHeap;
    }

    /** Lower-case name used in logs, tables and on the command line: {@code registry}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Maven module directory under the repository root: {@code registry-service}. */
    public String module() {
        return id() + "-service";
    }

    /** The fast-jar launcher that {@code ./mvnw install} builds for this service. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module()).resolve(Path.of("target", "quarkus-app", "quarkus-run.jar"));
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** {@code -Xmx} value unless {@link #heapVariable()} says otherwise. */
    public String defaultHeap() {
        return defaultHeap;
    }

    /** Environment variable that overrides the port: {@code AIAAS_REGISTRY_PORT}. */
    public String portVariable() {
        return "AIAAS_" + name() + "_PORT";
    }

    /** Environment variable that overrides the heap: {@code AIAAS_TRAINING_HEAP=4g}. */
    public String heapVariable() {
        return "AIAAS_" + name() + "_HEAP";
    }

    /** Parses {@code registry} (any case, with or without {@code -service}). */
    public static ServiceName parse(String text) {
        String id = text.strip().toLowerCase(Locale.ROOT).replaceFirst("-service$", "");
        return Arrays.stream(values())
                .filter(service -> service.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + text + "': choose from "
                        + Arrays.stream(values()).map(ServiceName::id).collect(Collectors.joining(", "))));
    }
}
