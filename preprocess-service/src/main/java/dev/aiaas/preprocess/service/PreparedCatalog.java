package dev.aiaas.preprocess.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.ProtoJsonObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Prepared datasets in the artifact store ({@link ObjectKeys#preparedManifest}): the manifest,
 * an {@code aiaas.preprocess.v1.PreparedDataset} in protobuf JSON written last, names the
 * spec it was prepared with and every object under the spec's own folder. A project reads its own
 * keys only, so another project's prepared dataset is NOT_FOUND like one never prepared.
 */
@ApplicationScoped
public class PreparedCatalog {

    @Inject
    ArtifactStore store;

    /** The manifest of {@code project}'s dataset version prepared under {@code pipeline}, if it was. */
    public Optional<PreparedDataset> find(String project, String dataset, long version, String pipeline) {
        requireValid(dataset, version, pipeline);
        String key = ObjectKeys.preparedManifest(project, dataset, version, pipeline);
        return store.stat(key).map(manifest -> ProtoJsonObjects.read(store, key, manifest.sha256(),
                PreparedDataset.getDefaultInstance()));
    }

    /** The manifest of a prepared dataset; NOT_FOUND when it was never prepared. */
    public PreparedDataset manifest(String project, String dataset, long version, String pipeline) {
        return find(project, dataset, version, pipeline).orElseThrow(() -> DomainException.notFound("dataset " + dataset
                + " v" + version + " was never prepared with pipeline '" + pipeline + "': run Prepare first"));
    }

    private static void requireValid(String dataset, long version, String pipeline) {
        Names.require("dataset name", dataset);
        Names.require("pipeline name", pipeline);
        if (version < 1) {
            throw DomainException.invalid("dataset_version must be 1 or more");
        }
    }
}
