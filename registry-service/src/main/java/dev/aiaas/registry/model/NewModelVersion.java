package dev.aiaas.registry.model;

import java.util.List;
import java.util.Map;

/**
 * What a client registers; the registry assigns the version number.
 *
 * @param signatureJson the input/output tensor signature as JSON (kept as the client sent it)
 */
public record NewModelVersion(
        String modelName,
        String family,
        String description,
        Map<String, String> tags,
        String signatureJson,
        Map<String, Double> metrics,
        Lineage lineage,
        List<ArtifactEntry> artifacts) {
}
