package dev.aiaas.ingest.model;

import java.util.List;

/**
 * What one upload did: how many records were stored, how many refused and why, and how many
 * were skipped because an earlier stream with the same upload id stored them.
 */
public record IntakeSummary(String dataset, long accepted, long rejected, List<RecordIssue> issues, long openRows,
        long alreadyStored) {
}
