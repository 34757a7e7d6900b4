package dev.aiaas.ingest.service;

import dev.aiaas.errors.Names;
import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.DatasetSchema;
import dev.aiaas.ingest.storage.DatasetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Datasets and their schemas: creation is idempotent for the same schema. */
@ApplicationScoped
public class DatasetCatalog {

    @Inject
    DatasetStore datasets;

    @Transactional
    public Dataset create(String name, String description, DatasetSchema schema) {
        Names.require("dataset name", name);
        schema.validated();
        return run(() -> {
            datasets.insertIfMissing(name, description, schema);
            Dataset existing = datasets.find(name).orElseThrow();
            if (!existing.schema().equals(schema)) {
                throw DomainException.alreadyExists("dataset " + name
                        + " exists with a different schema: choose another name or use the existing schema");
            }
            return existing;
        });
    }

    public Dataset get(String name) {
        return run(() -> datasets.find(name)).orElseThrow(
                () -> DomainException.notFound("no dataset named '" + name + "': create it with CreateDataset first"));
    }

    public List<Dataset> list() {
        return run(datasets::list);
    }
}
