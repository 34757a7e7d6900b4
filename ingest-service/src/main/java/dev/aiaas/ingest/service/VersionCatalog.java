package dev.aiaas.ingest.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.ingest.storage.VersionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Reads sealed dataset versions. */
@ApplicationScoped
public class VersionCatalog {

    @Inject
    DatasetCatalog catalog;

    @Inject
    VersionStore versions;

    /** NOT_FOUND for an unknown dataset or version. */
    public DatasetVersion get(String dataset, long version) {
        return run(() -> versions.find(dataset, version)).orElseThrow(() -> {
            catalog.get(dataset);
            return DomainException.notFound("dataset " + dataset + " has no version " + version
                    + ": ListDatasetVersions shows the sealed ones");
        });
    }

    /** The dataset's versions, newest first; NOT_FOUND for an unknown dataset. */
    public List<DatasetVersion> list(String dataset) {
        catalog.get(dataset);
        return run(() -> versions.list(dataset));
    }
}
