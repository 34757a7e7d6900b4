package dev.aiaas.storage.quarkus;

import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ArtifactStoreSettings;
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
        ArtifactStoreSettings settings = ArtifactStoreSettings.of(
                config.endpoint(), config.accessKey(), config.secretKey(), config.bucket());
        ArtifactStore store = new ArtifactStore(settings);
        store.ensureBucket();
        return store;
    }

    void close(@Disposes ArtifactStore store) {
        store.close();
    }
}
