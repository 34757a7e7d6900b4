package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchQueue;
import dev.aiaas.serving.model.ServedModel;

/**
 * A request's hold on an endpoint of {@code project}: the version it was admitted for (kept
 * loaded until {@link #release}) and the queue in front of the model.
 */
public record EndpointUse(String project, String endpoint, ServedModel model,
        BatchQueue<ModelWork, ModelWork.Answer> queue) {

    public void release() {
        model.release();
    }
}
