package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchStatistics;

/** One endpoint's batching figures since its queue was created, and the version serving now. */
public record EndpointStatistics(String endpoint, long version, BatchStatistics.Snapshot figures) {
}
