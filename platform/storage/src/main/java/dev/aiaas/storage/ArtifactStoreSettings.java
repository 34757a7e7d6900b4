package dev.aiaas.storage;

import java.util.Objects;

/**
 * Where the artifact store lives and how it uploads.
 *
 * @param endpoint  S3 endpoint URL, e.g. {@code http://127.0.0.1:9000}
 * @param accessKey S3 access key
 * @param secretKey S3 secret key (never printed by {@link #toString()})
 * @param bucket    bucket that holds every artifact
 * @param region    S3 region used for signing; {@value #DEFAULT_REGION} unless the server wants another
 * @param partSize  bytes per part of a multipart upload, at least 5 MiB (the S3 minimum); objects
 *                  larger than this, or of unknown size, are uploaded in parts
 * @param keys      the key-encryption keys that wrap every object's data key (only their ids are printed)
 */
public record ArtifactStoreSettings(String endpoint, String accessKey, String secretKey, String bucket,
        String region, long partSize, KeyEncryptionKeys keys) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
    /** The smallest part S3 accepts (except for the last one). */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** The largest part S3 accepts. */
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

    public ArtifactStoreSettings {
        requireText(endpoint, "endpoint");
        requireText(accessKey, "accessKey");
        requireText(secretKey, "secretKey");
        requireText(bucket, "bucket");
        requireText(region, "region");
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be between 5 MiB and 5 GiB, was " + partSize);
        }
        Objects.requireNonNull(keys, "keys: every object is encrypted");
    }

    /** Settings with the default region and part size. */
    public static ArtifactStoreSettings of(String endpoint, String accessKey, String secretKey, String bucket,
            KeyEncryptionKeys keys) {
        return new ArtifactStoreSettings(endpoint, accessKey, secretKey, bucket, DEFAULT_REGION, DEFAULT_PART_SIZE,
                keys);
    }

    /** The same settings with another part size. */
    public ArtifactStoreSettings withPartSize(long bytes) {
        return new ArtifactStoreSettings(endpoint, accessKey, secretKey, bucket, region, bytes, keys);
    }

    /** The same settings with other key-encryption keys (after a rotation, say). */
    public ArtifactStoreSettings withKeys(KeyEncryptionKeys other) {
        return new ArtifactStoreSettings(endpoint, accessKey, secretKey, bucket, region, partSize, other);
    }

    /** Keeps the secret key and the key-encryption keys out of logs and exception messages. */
    @Override
    public String toString() {
        return "ArtifactStoreSettings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, bucket="
                + bucket + ", region=" + region + ", partSize=" + partSize + ", keys=" + keys + "]";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
