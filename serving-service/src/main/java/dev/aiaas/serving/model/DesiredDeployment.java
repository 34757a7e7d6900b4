package dev.aiaas.serving.model;

import dev.aiaas.batching.BatchPolicy;

/** One endpoint as an operator declared it: what it serves and how it batches. */
public record DesiredDeployment(String endpoint, Binding binding, BatchPolicy batching) {
}
