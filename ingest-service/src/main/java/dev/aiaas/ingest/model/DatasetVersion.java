package dev.aiaas.ingest.model;

import java.time.Instant;
import java.util.List;

/**
 * An immutable, numbered snapshot of a dataset's records: its parts in the artifact store
 * and the manifest that names them. It belongs to its dataset's project.
 *
 * @param sha256         SHA-256 of the parts' SHA-256 hex strings concatenated in order
 * @param manifestSha256 SHA-256 of the stored manifest; empty until it is written
 */
public record DatasetVersion(String project, String dataset, long version, long rowCount, String sha256,
        String manifestKey, String manifestSha256, List<VersionPart> parts, DatasetSchema schema, Instant createdAt) {

    /** This version once its manifest is stored with {@code digest}. */
    public DatasetVersion withManifestSha256(String digest) {
        return new DatasetVersion(project, dataset, version, rowCount, sha256, manifestKey, digest, parts, schema,
                createdAt);
    }
}
