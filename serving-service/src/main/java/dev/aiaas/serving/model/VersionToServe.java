package dev.aiaas.serving.model;

import java.util.List;
import java.util.Optional;

/** A registry model version as serving needs it: its identity and its artifacts. */
public record VersionToServe(String modelName, long version, String family, List<ArtifactFile> artifacts) {

    public Optional<ArtifactFile> artifact(String role) {
        return artifacts.stream().filter(a -> a.role().equals(role)).findFirst();
    }
}
