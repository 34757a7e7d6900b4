package dev.aiaas.ingest.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validators of datasets that records stream into one at a time (Kafka), so that a record
 * costs no schema lookup. Safe to keep forever: a dataset's schema never changes once created
 * and datasets are never deleted. Unknown names are not remembered (the dataset may come).
 */
@ApplicationScoped
public class SchemaCache {

    private final Map<String, RecordValidator> validators = new ConcurrentHashMap<>();

    @Inject
    DatasetCatalog catalog;

    /** The dataset's validator, or empty when there is no such dataset. */
    public Optional<RecordValidator> validator(String dataset) {
        RecordValidator known = validators.get(dataset);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            RecordValidator validator = new RecordValidator(catalog.get(dataset).schema());
            validators.put(dataset, validator);
            return Optional.of(validator);
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
