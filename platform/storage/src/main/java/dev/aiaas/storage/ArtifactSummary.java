package dev.aiaas.storage;

/**
 * One entry of a listing: a key and its size, without the per-object metadata that would cost
 * a request each.
 *
 * @param size the bytes the object takes in the bucket: for an encrypted object, its content and
 *             a 16-byte tag per 64 KiB ({@link ArtifactStore#stat} gives the content's size)
 */
public record ArtifactSummary(String key, long size) {
}
