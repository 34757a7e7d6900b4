package dev.aiaas.ingest.model;

import java.util.List;

/** What one upload did: how many records were stored, how many refused and why. */
public record IntakeSummary(String dataset, long accepted, long rejected, List<RecordIssue> issues, long openRows) {
}
