package dev.aiaas.preprocess.model;

/**
 * A dataset version whose seal committed, as its DatasetVersionSealed event named it: the only
 * manifest of the version preprocess reads, with the digest it must have.
 */
public record SealedVersion(String dataset, long version, String sha256, String manifestKey, String manifestSha256) {
}
