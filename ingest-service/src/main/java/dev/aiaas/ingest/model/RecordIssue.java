package dev.aiaas.ingest.model;

/** Why the record at {@code row} (zero-based, in its upload or file) was refused. */
public record RecordIssue(long row, String reason) {
}
