package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchPolicy;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.ServedModel;
import java.time.Instant;

/**
 * What a deployment looks like from outside: its project and name, binding, batching, version
 * serving, state and why.
 */
public record DeploymentView(String project, String endpoint, Binding binding, BatchPolicy batching,
        long servingVersion, String state, String message, Instant updatedAt, long modelMemoryBytes,
        int queuedRequests) {

    static DeploymentView of(Endpoint endpoint) {
        ServedModel serving = endpoint.current();
        String state = endpoint.failed ? "FAILED" : serving == null ? "LOADING" : "READY";
        return new DeploymentView(endpoint.project, endpoint.name, endpoint.desired.binding(),
                endpoint.desired.batching(), serving == null ? 0 : serving.version().version(), state,
                endpoint.message, endpoint.updatedAt, serving == null ? 0 : serving.memoryBytes(),
                endpoint.queue.queued());
    }
}
