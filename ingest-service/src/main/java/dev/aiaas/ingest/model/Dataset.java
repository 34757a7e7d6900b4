package dev.aiaas.ingest.model;

import java.time.Instant;

/** A named collection of records with one schema, sealed into numbered versions. */
public record Dataset(String name, String description, DatasetSchema schema, long openRows, long latestVersion,
        Instant createdAt) {
}
