package dev.aiaas.ingest.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.storage.OpenRecordStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Takes records into a dataset's open data: validation per record, storage per batch. */
@ApplicationScoped
public class RecordIntake {

    @Inject
    DatasetCatalog catalog;

    @Inject
    OpenRecordStore records;

    /** Starts an upload into an existing dataset (NOT_FOUND otherwise). */
    public UploadSession open(String datasetName) {
        Dataset dataset = catalog.get(datasetName);
        return new UploadSession(dataset, this);
    }

    /** Stores a batch of validated records in one transaction. */
    @Transactional
    public void store(String dataset, List<Map<String, Object>> valid) {
        run(() -> {
            records.append(dataset, valid);
            return null;
        });
    }

    long openRows(String dataset) {
        return catalog.get(dataset).openRows();
    }
}
