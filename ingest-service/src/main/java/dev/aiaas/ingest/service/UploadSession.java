package dev.aiaas.ingest.service;

import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.IntakeSummary;
import dev.aiaas.ingest.model.RecordIssue;
import dev.aiaas.ingest.model.UploadProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One upload or file import in progress: validates each record as it arrives, keeps the
 * valid ones in batches and stores each full batch, remembers why others were refused.
 * An upload with a client id resumes: the records an earlier stream with that id stored are
 * skipped, and each batch moves the upload's position in its own transaction.
 * Not thread-safe: one session serves one stream.
 */
public final class UploadSession implements RecordSink {

    /** Records stored per transaction. */
    static final int BATCH = 500;
    /** Refusals reported back in detail; the rest are only counted. */
    static final int MAX_REPORTED = 100;

    private final Dataset dataset;
    private final RecordIntake intake;
    private final RecordValidator validator;
    private final Optional<String> uploadId;
    private final long resumeFrom;
    private final List<Map<String, Object>> pending = new ArrayList<>();
    private final List<RecordIssue> issues = new ArrayList<>();
    private long row;
    private long storedUpTo;
    private long accepted;
    private long rejected;

    UploadSession(Dataset dataset, RecordIntake intake, Optional<String> uploadId, long resumeFrom) {
        this.dataset = dataset;
        this.intake = intake;
        this.validator = new RecordValidator(dataset.schema());
        this.uploadId = uploadId;
        this.resumeFrom = resumeFrom;
        this.storedUpTo = resumeFrom;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** Validates the next record (rows are numbered from 0 in arrival order). */
    @Override
    public void add(Map<String, Object> raw) {
        if (row >= resumeFrom) {
            RecordValidator.Result result = validator.validate(raw);
            if (result.valid()) {
                pending.add(result.values());
                accepted++;
            } else {
                refuse(result.problem());
            }
        }
        row++;
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Counts a record that could not even be read (a malformed CSV line, bad JSON). */
    @Override
    public void rejectUnreadable(String problem) {
        if (row >= resumeFrom) {
            refuse(problem);
        }
        row++;
    }

    private void refuse(String problem) {
        rejected++;
        if (issues.size() < MAX_REPORTED) {
            issues.add(new RecordIssue(row, problem));
        }
    }

    /** Stores what is left and reports the upload. */
    public IntakeSummary finish() {
        flush();
        return new IntakeSummary(dataset.name(), accepted, rejected, List.copyOf(issues),
                intake.openRows(dataset.project(), dataset.name()), Math.min(row, resumeFrom));
    }

    private void flush() {
        boolean moved = row > storedUpTo;
        if (pending.isEmpty() && (uploadId.isEmpty() || !moved)) {
            return;
        }
        Optional<UploadProgress> progress = uploadId.map(id -> new UploadProgress(id, storedUpTo, row));
        intake.store(dataset.project(), dataset.name(), List.copyOf(pending), progress);
        pending.clear();
        storedUpTo = Math.max(storedUpTo, row);
    }
}
