package dev.aiaas.ingest.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.ImportFormat;
import dev.aiaas.ingest.storage.OpenRecordStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Takes records into a dataset's open data: validation per record, storage per batch. */
@ApplicationScoped
public class RecordIntake {

    @Inject
    DatasetCatalog catalog;

    @Inject
    SchemaCache schemas;

    @Inject
    OpenRecordStore records;

    /** Starts an upload into an existing dataset (NOT_FOUND otherwise). */
    public UploadSession open(String datasetName) {
        Dataset dataset = catalog.get(datasetName);
        return new UploadSession(dataset, this);
    }

    /**
     * Starts a file import: NOT_FOUND for an unknown dataset, INVALID_ARGUMENT when the
     * dataset's schema cannot take the format (checked before any byte is read).
     *
     * @param labelBytes IMAGE_RECORDS_GZ only: bytes of label before each image (0 = 1)
     */
    public FileImport importFile(String datasetName, ImportFormat format, int labelBytes) {
        if (datasetName == null || datasetName.isEmpty()) {
            throw DomainException.invalid("the ImportFile header names no dataset");
        }
        UploadSession session = open(datasetName);
        FileRecordReader reader = switch (format) {
            case CSV -> new CsvRecordReader(session.dataset().schema(), session);
            case JSONL -> new JsonLinesReader(session);
            case IMAGE_RECORDS_GZ -> new ImageRecordReader(session.dataset().schema(), labelBytes, session);
        };
        return new FileImport(session, reader);
    }

    /**
     * Validates one record that arrived on its own (from Kafka).
     *
     * @return its typed values, or why it was refused (unknown dataset, schema violation)
     */
    public RecordValidator.Result check(String dataset, Map<String, Object> raw) {
        Optional<RecordValidator> validator = schemas.validator(dataset);
        if (validator.isEmpty()) {
            return new RecordValidator.Result(null,
                    "unknown dataset '" + dataset + "': create it with CreateDataset, then replay this record");
        }
        RecordValidator.Result result = validator.get().validate(raw);
        return result.valid() ? result : new RecordValidator.Result(null, "dataset " + dataset + ": " + result.problem());
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
