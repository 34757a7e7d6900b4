package dev.aiaas.ingest.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.ingest.messaging.ProjectRecordTopics;
import dev.aiaas.ingest.model.AutoSealLimits;
import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.DatasetSchema;
import dev.aiaas.ingest.storage.DatasetStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Datasets and their schemas, each in its project: creation is idempotent for the same schema,
 * and a project sees only its own datasets (another project's is NOT_FOUND, as a missing one).
 */
@ApplicationScoped
public class DatasetCatalog {

    @Inject
    DatasetStore datasets;

    @Inject
    ProjectRecordTopics recordTopics;

    /**
     * Creates the dataset in {@code project} with its auto-seal limits (or returns it, created
     * before with the same schema, keeping its own limits) and makes sure the project's Kafka
     * records topic exists, so that its producers can write.
     */
    public Dataset create(String project, String name, String description, DatasetSchema schema,
            AutoSealLimits autoSeal) {
        Names.require("dataset name", name);
        schema.validated();
        autoSeal.validated();
        Dataset dataset = QuarkusTransaction.requiringNew().call(() -> run(() -> {
            datasets.insertIfMissing(project, name, description, schema, autoSeal);
            Dataset existing = datasets.find(project, name).orElseThrow();
            if (!existing.schema().equals(schema)) {
                throw DomainException.alreadyExists("dataset " + name
                        + " exists with a different schema: choose another name or use the existing schema");
            }
            return existing;
        }));
        // after the commit, on every call: a retried CreateDataset heals a topic Kafka failed to create
        recordTopics.ensure(project);
        return dataset;
    }

    /**
     * Sets when ingest seals the dataset by itself ({@link AutoSealer}); the dataset as it is
     * now. INVALID_ARGUMENT for a negative limit, NOT_FOUND when {@code project} has no such dataset.
     */
    public Dataset setAutoSeal(String project, String name, AutoSealLimits autoSeal) {
        autoSeal.validated();
        return QuarkusTransaction.requiringNew().call(() -> run(() -> {
            if (!datasets.setAutoSeal(project, name, autoSeal)) {
                throw notFound(name);
            }
            return datasets.find(project, name).orElseThrow();
        }));
    }

    /** NOT_FOUND when {@code project} has no dataset of that name. */
    public Dataset get(String project, String name) {
        return run(() -> datasets.find(project, name)).orElseThrow(() -> notFound(name));
    }

    /** The project's datasets, by name. */
    public List<Dataset> list(String project) {
        return run(() -> datasets.list(project));
    }

    /** The one answer for a dataset the project does not have, whether another project has it or not. */
    static DomainException notFound(String name) {
        return DomainException.notFound("no dataset named '" + name + "': create it with CreateDataset first");
    }
}
