package dev.aiaas.ingest.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.config.IngestConfig;
import dev.aiaas.ingest.messaging.IngestEvents;
import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.ingest.model.VersionPart;
import dev.aiaas.ingest.storage.DatasetStore;
import dev.aiaas.ingest.storage.OpenRecordStore;
import dev.aiaas.ingest.storage.PartWriter;
import dev.aiaas.ingest.storage.VersionManifest;
import dev.aiaas.ingest.storage.VersionStore;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Turns a dataset's open records into its next immutable version, in one transaction: lock
 * the dataset row (the version number comes from it, so concurrent seals take turns), take
 * the open records out, write the parts and then the manifest to the artifact store, record
 * the version, move {@code latest_version} and append the DatasetVersionSealed event.
 *
 * <p>The objects are written before the commit, into a folder of their own per seal attempt
 * ({@link ObjectKeys#sealedVersion}). If anything fails the transaction rolls back: the records
 * are open again and the objects written so far are referenced by nothing and read by no one,
 * since readers take the manifest key and digest only from the committed version (the row, or
 * the DatasetVersionSealed event sent after the commit).
 */
@ApplicationScoped
public class VersionSealer {

    private static final Logger LOG = Logger.getLogger(VersionSealer.class);

    @Inject
    DatasetStore datasets;

    @Inject
    OpenRecordStore openRecords;

    @Inject
    VersionStore versions;

    @Inject
    VersionManifest manifests;

    @Inject
    IngestEvents events;

    @Inject
    ArtifactStore store;

    @Inject
    IngestConfig config;

    /**
     * Seals {@code project}'s dataset; its objects go under the project's keys. NOT_FOUND for a
     * dataset the project does not have; FAILED_PRECONDITION when it has no open records.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "ingest.seal.transaction-timeout")
    public DatasetVersion seal(String project, String name) {
        return run(() -> sealOpenRecords(datasets.lockForSeal(project, name)
                .orElseThrow(() -> DatasetCatalog.notFound(name))));
    }

    /**
     * Seals {@code locked} as {@link #seal} does, in the caller's transaction, which has locked its
     * row with {@link DatasetStore#lockForSeal}: for a caller that decides under the lock whether to
     * seal ({@link AutoSealer}), and sets the transaction's timeout itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DatasetVersion sealLocked(Dataset locked) {
        return run(() -> sealOpenRecords(locked));
    }

    private DatasetVersion sealOpenRecords(Dataset dataset) throws SQLException {
        String project = dataset.project();
        String name = dataset.name();
        long number = dataset.latestVersion() + 1;
        String folder = VersionManifest.newSealFolder(project, name, number);
        List<VersionPart> parts = writeParts(dataset, folder);
        long rows = parts.stream().mapToLong(VersionPart::rows).sum();
        if (rows == 0) {
            throw DomainException.failedPrecondition("dataset " + name
                    + " has no open records to seal: upload or import records first");
        }
        DatasetVersion version = manifests.write(new DatasetVersion(project, name, number, rows,
                VersionManifest.digest(parts), folder + ObjectKeys.DATASET_MANIFEST, "", parts, dataset.schema(),
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
        versions.insert(version);
        datasets.setLatestVersion(project, name, number);
        events.versionSealed(version);
        LOG.infof("sealed %s v%d of project %s: %d records in %d parts, sha256 %s", name, number, project, rows,
                parts.size(), version.sha256());
        return version;
    }

    private List<VersionPart> writeParts(Dataset dataset, String folder) throws SQLException {
        try (PartWriter writer = new PartWriter(store, folder, config.seal().partRows())) {
            openRecords.drain(dataset.project(), dataset.name(), writer::write);
            return writer.finish();
        }
    }
}
