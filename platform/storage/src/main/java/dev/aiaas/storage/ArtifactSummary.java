package dev.aiaas.storage;

/**
 * One entry of a listing: a key and its size, without the per-object metadata that would cost
 * a request each.
 */
public record ArtifactSummary(String key, long size) {
}
