package dev.aiaas.ingest.model;

import java.time.Instant;
import java.util.List;

/**
 * An immutable, numbered snapshot of a dataset's records: its parts in the artifact store
 * and the manifest that names them.
 *
 * @param sha256 SHA-256 of the parts' SHA-256 hex strings concatenated in order
 */
public record DatasetVersion(String dataset, long version, long rowCount, String sha256, String manifestKey,
        List<VersionPart> parts, DatasetSchema schema, Instant createdAt) {
}
