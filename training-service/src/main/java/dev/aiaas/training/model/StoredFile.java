package dev.aiaas.training.model;

/**
 * An object in the artifact store as a manifest or the registry names it.
 *
 * @param role      what it is for: {@code tensors}, {@code transform}, {@code parameters}, …
 * @param key       object key in the bucket
 * @param sha256    lower-case hex SHA-256 of its bytes
 * @param sizeBytes its size
 */
public record StoredFile(String role, String key, String sha256, long sizeBytes) {
}
