package dev.aiaas.ingest.service;

import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.IntakeSummary;
import dev.aiaas.ingest.model.RecordIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One upload or file import in progress: validates each record as it arrives, keeps the
 * valid ones in batches and stores each full batch, remembers why others were refused.
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
    private final List<Map<String, Object>> pending = new ArrayList<>();
    private final List<RecordIssue> issues = new ArrayList<>();
    private long row;
    private long accepted;
    private long rejected;

    UploadSession(Dataset dataset, RecordIntake intake) {
        this.dataset = dataset;
        this.intake = intake;
        this.validator = new RecordValidator(dataset.schema());
    }

    public Dataset dataset() {
        return dataset;
    }

    /** Validates the next record (rows are numbered from 0 in arrival order). */
    @Override
    public void add(Map<String, Object> raw) {
        RecordValidator.Result result = validator.validate(raw);
        if (result.valid()) {
            pending.add(result.values());
            accepted++;
            if (pending.size() >= BATCH) {
                flush();
            }
        } else {
            refuse(result.problem());
        }
        row++;
    }

    /** Counts a record that could not even be read (a malformed CSV line, bad JSON). */
    @Override
    public void rejectUnreadable(String problem) {
        refuse(problem);
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
        return new IntakeSummary(dataset.name(), accepted, rejected, List.copyOf(issues), intake.openRows(dataset.name()));
    }

    private void flush() {
        if (!pending.isEmpty()) {
            intake.store(dataset.name(), List.copyOf(pending));
            pending.clear();
        }
    }
}
