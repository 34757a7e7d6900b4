package dev.aiaas.storage.quarkus;

import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ArtifactStoreSettings;
import dev.aiaas.storage.KeyEncryptionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Gives a Quarkus service one {@link ArtifactStore} on its configured bucket, created if missing. */
@ApplicationScoped
public class ArtifactStoreProducer {

    @Produces
    @Singleton
    ArtifactStore artifactStore(StorageConfig config) {
        ArtifactStoreSettings settings = new ArtifactStoreSettings(config.endpoint(), config.accessKey(),
                config.secretKey(), config.bucket(), config.region(), ArtifactStoreSettings.DEFAULT_PART_SIZE,
                keys(config));
        ArtifactStore store = new ArtifactStore(settings);
        store.ensureBucket();
        return store;
    }

    private static KeyEncryptionKeys keys(StorageConfig config) {
        try {
            return KeyEncryptionKeys.parse(config.encryption().keys());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("aiaas.storage.encryption.keys (AIAAS_STORAGE_ENCRYPTION_KEYS): "
                    + e.getMessage(), e);
        }
    }

    void close(@Disposes ArtifactStore store) {
        store.close();
    }
}
