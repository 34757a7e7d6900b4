package dev.aiaas.registry.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An immutable registered version of a model (only its tags may change). */
public record ModelVersion(
        String modelName,
        long version,
        String family,
        String description,
        Map<String, String> tags,
        String signatureJson,
        Map<String, Double> metrics,
        Lineage lineage,
        List<ArtifactEntry> artifacts,
        List<String> aliases,
        Instant createdAt) {
}
