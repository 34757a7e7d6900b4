package dev.aiaas.serving.model;

import dev.aiaas.batching.BatchPolicy;

/**
 * One endpoint as an operator of {@code project} declared it: what it serves (a model of that
 * project) and how it batches.
 */
public record DesiredDeployment(String project, String endpoint, Binding binding, BatchPolicy batching) {

    public EndpointKey key() {
        return new EndpointKey(project, endpoint);
    }
}
