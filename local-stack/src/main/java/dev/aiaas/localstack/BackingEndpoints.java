package dev.aiaas.localstack;

import dev.aiaas.storage.ArtifactStoreSettings;
import dev.aiaas.storage.KeyEncryptionKeys;

/**
 * Where the services find the servers they share: Kafka, PostgreSQL (database {@code aiaas},
 * one schema per service) and the S3 bucket, with the key-encryption keys its objects are
 * encrypted with ({@code id:base64[,…]}).
 */
public record BackingEndpoints(
        String kafkaBootstrap,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        String s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        String bucket,
        String storageKeys) {

    /** The object store as the services reach it: its bucket, credentials and keys. */
    public ArtifactStoreSettings artifactStore() {
        return ArtifactStoreSettings.of(s3Endpoint, s3AccessKey, s3SecretKey, bucket,
                KeyEncryptionKeys.parse(storageKeys));
    }

    /** Keeps the secrets out of logs. */
    @Override
    public String toString() {
        return "BackingEndpoints[kafka=" + kafkaBootstrap + ", jdbc=" + jdbcUrl + ", s3=" + s3Endpoint + ", bucket="
                + bucket + "]";
    }
}
