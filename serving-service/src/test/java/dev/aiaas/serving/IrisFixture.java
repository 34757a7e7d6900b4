package dev.aiaas.serving;

import dev.aiaas.storage.ArtifactStore;

/**
 * The Iris models every serving test class shares (the Quarkus application and the registry
 * peer are shared too): trained once per test JVM, versions 1 and 2 in the registry peer,
 * {@code champion} at version 1 to begin with.
 */
final class IrisFixture {

    private static IrisModels iris;

    private IrisFixture() {
    }

    static synchronized IrisModels models(ArtifactStore store) throws Exception {
        if (iris == null) {
            IrisModels trained = new IrisModels();
            PeerRegistry.addVersion("iris", 1, trained.trainAndUpload(store, "job-1", 60));
            PeerRegistry.addVersion("iris", 2, trained.trainAndUpload(store, "job-2", 80));
            PeerRegistry.setAlias("iris", "champion", 1);
            iris = trained;
        }
        return iris;
    }
}
