package dev.aiaas.ingest.model;

/**
 * A step of a client upload with an id: records {@code from} (inclusive) to {@code to}
 * (exclusive), counted in the order the stream sent them, refused ones included.
 */
public record UploadProgress(String uploadId, long from, long to) {
}
