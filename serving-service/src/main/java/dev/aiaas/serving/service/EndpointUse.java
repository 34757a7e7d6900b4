package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchQueue;
import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.model.ServedModel;

/**
 * A request's hold on an endpoint of {@code project}: the version it was routed to (kept
 * loaded until {@link #release}), in which role, the queue in front of that version, and
 * whether the request is also to be copied to the endpoint's shadow.
 */
public record EndpointUse(String project, String endpoint, ServedModel model,
        BatchQueue<ModelWork, ModelWork.Answer> queue, Role role, boolean mirrored) {

    public void release() {
        model.release();
    }
}
