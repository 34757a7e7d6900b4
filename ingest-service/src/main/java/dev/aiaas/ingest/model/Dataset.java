package dev.aiaas.ingest.model;

import java.time.Instant;

/**
 * A named collection of records with one schema, sealed into numbered versions: by SealVersion,
 * and by ingest itself once {@code autoSeal}'s limits are reached. It belongs to one project,
 * and its name is unique within that project.
 */
public record Dataset(String project, String name, String description, DatasetSchema schema, long openRows,
        long latestVersion, Instant createdAt, AutoSealLimits autoSeal) {
}
