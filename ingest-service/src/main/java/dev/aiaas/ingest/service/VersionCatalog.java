package dev.aiaas.ingest.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.ingest.storage.VersionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Reads sealed dataset versions, each project its own datasets' only. */
@ApplicationScoped
public class VersionCatalog {

    @Inject
    DatasetCatalog catalog;

    @Inject
    VersionStore versions;

    /** NOT_FOUND for a dataset {@code project} does not have, or an unknown version. */
    public DatasetVersion get(String project, String dataset, long version) {
        return run(() -> versions.find(project, dataset, version)).orElseThrow(() -> {
            catalog.get(project, dataset);
            return DomainException.notFound("dataset " + dataset + " has no version " + version
                    + ": ListDatasetVersions shows the sealed ones");
        });
    }

    /** The dataset's versions, newest first; NOT_FOUND for a dataset {@code project} does not have. */
    public List<DatasetVersion> list(String project, String dataset) {
        catalog.get(project, dataset);
        return run(() -> versions.list(project, dataset));
    }
}
