package dev.aiaas.preprocess.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * Where prepared datasets live in the artifact store, and reading their manifests back.
 * A prepared dataset is immutable: {@code prepared/{dataset}/v{n}/{pipeline}/} holds its
 * tensors, fitted transform, profile and the manifest ({@value #MANIFEST}) written last.
 */
@ApplicationScoped
public class PreparedCatalog {

    public static final String MANIFEST = "prepared.json";

    @Inject
    ArtifactStore store;

    public static String prefix(String dataset, long version, String pipeline) {
        return "prepared/" + dataset + "/v" + version + "/" + pipeline + "/";
    }

    /** Whether the dataset version was prepared with this pipeline (its manifest exists). */
    public boolean exists(String dataset, long version, String pipeline) {
        Names.require("dataset name", dataset);
        Names.require("pipeline name", pipeline);
        return store.exists(prefix(dataset, version, pipeline) + MANIFEST);
    }

    /** The manifest JSON of a prepared dataset; NOT_FOUND when it was never prepared. */
    public String manifest(String dataset, long version, String pipeline) {
        Names.require("dataset name", dataset);
        Names.require("pipeline name", pipeline);
        if (version < 1) {
            throw DomainException.invalid("dataset_version must be 1 or more");
        }
        String key = prefix(dataset, version, pipeline) + MANIFEST;
        StoredArtifact manifest = store.stat(key).orElseThrow(() -> DomainException.notFound("dataset " + dataset
                + " v" + version + " was never prepared with pipeline '" + pipeline + "': run Prepare first"));
        return new String(store.readAllVerified(key, manifest.sha256()), StandardCharsets.UTF_8);
    }
}
