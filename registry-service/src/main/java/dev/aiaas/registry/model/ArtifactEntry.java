package dev.aiaas.registry.model;

/** An object of a model version in the artifact store, with the digest taken when it was written. */
public record ArtifactEntry(String role, String key, String sha256, long sizeBytes) {
}
