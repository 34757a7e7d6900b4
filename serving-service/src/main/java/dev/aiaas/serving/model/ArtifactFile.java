package dev.aiaas.serving.model;

/** One artifact of a model version: where it lies and the digest it must have. */
public record ArtifactFile(String role, String key, String sha256) {
}
