package dev.aiaas.storage;

import java.util.UUID;

import dev.aiaas.testing.RealServers;
import io.minio.MinioClient;

/** Stores and raw clients on the test JVM's real S3 server. */
final class TestStores {

    private TestStores() {
    }

    static ArtifactStore onRealServers() {
        RealServers servers = RealServers.get();
        ArtifactStore store = new ArtifactStore(ArtifactStoreSettings.of(
                servers.s3Endpoint(), servers.s3AccessKey(), servers.s3SecretKey(), servers.bucket(),
                KeyEncryptionKeys.parse(servers.storageKeys())));
        store.ensureBucket();
        return store;
    }

    /** A MinIO client that bypasses the store, for looking at (or damaging) objects directly. */
    static MinioClient rawClient() {
        RealServers servers = RealServers.get();
        return MinioClient.builder().endpoint(servers.s3Endpoint())
                .credentials(servers.s3AccessKey(), servers.s3SecretKey()).build();
    }

    /** A key prefix no other test uses: every test class shares one bucket. */
    static String uniquePrefix(String name) {
        return "test/" + name + "-" + UUID.randomUUID() + "/";
    }
}
