package dev.aiaas.storage;

/**
 * An object in the artifact store.
 *
 * @param key    the object's key, e.g. {@code models/iris/v3/model.params}
 * @param size   its size in bytes
 * @param sha256 lower-case hex SHA-256 of its content, as recorded in the object's
 *               {@code sha256} user metadata; {@code null} for an object that was written by
 *               something other than {@link ArtifactStore}
 * @param etag   the S3 entity tag (not a content hash for multipart uploads)
 */
public record StoredArtifact(String key, long size, String sha256, String etag) {
}
