package dev.aiaas.ingest.model;

/** One part file of a sealed dataset version, as stored in the artifact store. */
public record VersionPart(String key, String sha256, long sizeBytes, long rows) {
}
