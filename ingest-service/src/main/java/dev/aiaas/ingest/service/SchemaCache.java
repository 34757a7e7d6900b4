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
 * Kept per project: two projects' datasets of the same name have schemas of their own.
 */
@ApplicationScoped
public class SchemaCache {

    private record Key(String project, String dataset) {
    }

    private final Map<Key, RecordValidator> validators = new ConcurrentHashMap<>();

    @Inject
    DatasetCatalog catalog;

    /** The validator of {@code project}'s dataset, or empty when the project has no such dataset. */
    public Optional<RecordValidator> validator(String project, String dataset) {
        Key key = new Key(project, dataset);
        RecordValidator known = validators.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            RecordValidator validator = new RecordValidator(catalog.get(project, dataset).schema());
            validators.put(key, validator);
            return Optional.of(validator);
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
