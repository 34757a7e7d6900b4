package dev.aiaas.registry.model;

/** Where a model version came from: data, preparation, job and code. */
public record Lineage(String dataset, long datasetVersion, String pipeline, String trainingJobId, String codeVersion) {
}
