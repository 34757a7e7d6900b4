package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchStatistics;
import dev.aiaas.serving.model.Role;

/**
 * One bound version's batching figures since its queue was created: the endpoint, the version
 * serving the role now, and the role (each role has its own queue).
 */
public record EndpointStatistics(String endpoint, long version, Role role, BatchStatistics.Snapshot figures) {
}
