package dev.aiaas.ingest.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.ImportFormat;
import dev.aiaas.ingest.model.UploadProgress;
import dev.aiaas.ingest.storage.OpenRecordStore;
import dev.aiaas.ingest.storage.UploadStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes records into a dataset's open data: validation per record, storage per batch. A dataset
 * is named by its project and its name; another project's dataset of the same name is never
 * touched.
 */
@ApplicationScoped
public class RecordIntake {

    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    DatasetCatalog catalog;

    @Inject
    SchemaCache schemas;

    @Inject
    OpenRecordStore records;

    @Inject
    UploadStore uploads;

    /**
     * Starts an upload into an existing dataset of {@code project} (NOT_FOUND otherwise). With a
     * client upload id (empty for none) it resumes where an earlier stream with that id stopped storing.
     */
    public UploadSession open(String project, String datasetName, String uploadId) {
        Dataset dataset = catalog.get(project, datasetName);
        if (uploadId.isEmpty()) {
            return new UploadSession(dataset, this, Optional.empty(), 0);
        }
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw DomainException.invalid("upload id '" + uploadId + "' must be 1 to 128 of A-Z a-z 0-9 . _ : - (a UUID will do)");
        }
        long resumeFrom = run(() -> uploads.start(project, dataset.name(), uploadId));
        return new UploadSession(dataset, this, Optional.of(uploadId), resumeFrom);
    }

    /**
     * Starts a file import into a dataset of {@code project}: NOT_FOUND for an unknown dataset,
     * INVALID_ARGUMENT when the dataset's schema cannot take the format (checked before any byte is read).
     *
     * @param labelBytes IMAGE_RECORDS_GZ only: bytes of label before each image (0 = 1)
     */
    public FileImport importFile(String project, String datasetName, ImportFormat format, int labelBytes,
            String uploadId) {
        if (datasetName == null || datasetName.isEmpty()) {
            throw DomainException.invalid("the ImportFile header names no dataset");
        }
        UploadSession session = open(project, datasetName, uploadId);
        FileRecordReader reader = switch (format) {
            case CSV -> new CsvRecordReader(session.dataset().schema(), session);
            case JSONL -> new JsonLinesReader(session);
            case IMAGE_RECORDS_GZ -> new ImageRecordReader(session.dataset().schema(), labelBytes, session);
        };
        return new FileImport(session, reader);
    }

    /**
     * Validates one record that arrived on its own (from Kafka) for a dataset of {@code project}.
     *
     * @return its typed values, or why it was refused (unknown dataset in the project, schema violation)
     */
    public RecordValidator.Result check(String project, String dataset, Map<String, Object> raw) {
        Optional<RecordValidator> validator = schemas.validator(project, dataset);
        if (validator.isEmpty()) {
            return new RecordValidator.Result(null, "unknown dataset '" + dataset + "' in project '" + project
                    + "': create it there with CreateDataset, then replay this record");
        }
        RecordValidator.Result result = validator.get().validate(raw);
        return result.valid() ? result : new RecordValidator.Result(null, "dataset " + dataset + ": " + result.problem());
    }

    /**
     * Stores a batch of validated records in one transaction, with the step of the client's
     * upload it completes (ABORTED when another stream with the same upload id got there first).
     */
    @Transactional
    public void store(String project, String dataset, List<Map<String, Object>> valid,
            Optional<UploadProgress> progress) {
        run(() -> {
            if (progress.isPresent()) {
                UploadProgress step = progress.get();
                if (!uploads.advance(project, dataset, step.uploadId(), step.from(), step.to(), valid.size())) {
                    throw DomainException.aborted("another stream with upload id '" + step.uploadId()
                            + "' is storing into dataset " + dataset + ": let it finish, then retry to resume");
                }
            }
            records.append(project, dataset, valid);
            return null;
        });
    }

    long openRows(String project, String dataset) {
        return catalog.get(project, dataset).openRows();
    }
}
