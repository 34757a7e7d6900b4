package dev.aiaas.serving.model;

import java.util.Comparator;

/**
 * Which endpoint: its project and its name. An endpoint name is unique within its project only,
 * so two projects may each serve an endpoint "iris"; everything this replica keeps per endpoint
 * (the endpoint itself, its lock) is keyed by both.
 */
public record EndpointKey(String project, String endpoint) implements Comparable<EndpointKey> {

    private static final Comparator<EndpointKey> ORDER =
            Comparator.comparing(EndpointKey::project).thenComparing(EndpointKey::endpoint);

    @Override
    public int compareTo(EndpointKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return project + "/" + endpoint;
    }
}
