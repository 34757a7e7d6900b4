package dev.aiaas.preprocess.storage;

import dev.aiaas.preprocess.model.SealedVersion;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.ProtoJsonObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The committed seals preprocess has received: each DatasetVersionSealed event, stored as it
 * came under {@link ObjectKeys#sealReceipt}. Ingest sends the event only after the seal's
 * transaction committed, so a receipt names the one manifest of the version (key and digest)
 * that may be read; objects of a seal attempt that rolled back are never named by one. Receipts lie
 * under the project the event's header names, so a project finds only its own seals.
 */
@ApplicationScoped
public class SealReceipts {

    @Inject
    ArtifactStore store;

    /** Records the event as a seal of {@code project}; IllegalArgumentException when it lacks what a receipt needs. */
    public SealedVersion record(String project, DatasetVersionSealed event) {
        if (event.getManifestKey().isEmpty() || event.getManifestSha256().isEmpty() || event.getVersion() < 1) {
            throw new IllegalArgumentException("DatasetVersionSealed for " + event.getDataset() + " v"
                    + event.getVersion() + " names no manifest key and digest: it comes from an ingest-service older "
                    + "than the storage contract; seal the records again");
        }
        ProtoJsonObjects.write(store, ObjectKeys.sealReceipt(project, event.getDataset(), event.getVersion()), event);
        return toSealed(event);
    }

    /** The committed seal of {@code project}'s {@code dataset} v{@code version}, once its event arrived. */
    public Optional<SealedVersion> find(String project, String dataset, long version) {
        String key = ObjectKeys.sealReceipt(project, dataset, version);
        return store.stat(key).map(receipt -> toSealed(ProtoJsonObjects.read(store, key, receipt.sha256(),
                DatasetVersionSealed.getDefaultInstance())));
    }

    private static SealedVersion toSealed(DatasetVersionSealed event) {
        return new SealedVersion(event.getDataset(), event.getVersion(), event.getSha256(), event.getManifestKey(),
                event.getManifestSha256());
    }
}
