package dev.aiaas.serving.model;

import java.util.List;
import java.util.Optional;

/**
 * A registry model version as serving needs it: its identity, its artifacts and its registered
 * signature (which an uploaded model is served by). Version numbers count per project, so the
 * identity includes the project: "iris v1" of two projects are two different models.
 */
public record VersionToServe(String project, String modelName, long version, String family,
        List<ArtifactFile> artifacts, RegisteredSignature signature) {

    public Optional<ArtifactFile> artifact(String role) {
        return artifacts.stream().filter(a -> a.role().equals(role)).findFirst();
    }

    /** Whether this is the same model version as {@code other} (same project, model and number). */
    public boolean sameAs(VersionToServe other) {
        return project.equals(other.project) && modelName.equals(other.modelName) && version == other.version;
    }
}
