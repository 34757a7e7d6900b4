package dev.aiaas.ingest.messaging;

import dev.aiaas.events.EventHeaders;
import dev.aiaas.events.Outbox;
import dev.aiaas.events.Topics;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records ingest's events on {@value Topics#INGEST_EVENTS} (key = dataset) in the transaction
 * of the change itself; the outbox relay publishes them once it commits. Each carries the
 * project of the dataset it is about in its header.
 */
@ApplicationScoped
public class IngestEvents {

    private static final String SOURCE = "ingest-service";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "aiaas.outbox.table")
    String table;

    /** DatasetVersionSealed for {@code version}, in its dataset's project. */
    public void versionSealed(DatasetVersion version) throws SQLException {
        DatasetVersionSealed event = DatasetVersionSealed.newBuilder()
                .setHeader(EventHeaders.newHeader(SOURCE, version.project()))
                .setDataset(version.dataset())
                .setVersion(version.version())
                .setRowCount(version.rowCount())
                .setSha256(version.sha256())
                .setManifestKey(version.manifestKey())
                .setManifestSha256(version.manifestSha256())
                .build();
        try (Connection connection = dataSource.getConnection()) {
            Outbox.append(connection, table, Topics.INGEST_EVENTS, version.dataset(), event);
        }
    }
}
