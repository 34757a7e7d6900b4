package dev.aiaas.monitoring.storage;

import dev.aiaas.events.AgedRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** Deletes monitoring's rows older than their retention. */
@ApplicationScoped
public class RetentionStore {

    @Inject
    DataSource dataSource;

    public long deleteProcessedEvents(Duration age) throws SQLException {
        return deleteOlder("processed_event", "ctid", "processed_at", age);
    }

    public long deleteSamples(Duration age) throws SQLException {
        return deleteOlder("prediction_sample", "id", "received_at", age);
    }

    public long deleteWindows(Duration age) throws SQLException {
        return deleteOlder("window_stats", "ctid", "window_start", age);
    }

    /** Kept answers of requests received longer ago than {@code age}. */
    public long deleteAnswers(Duration age) throws SQLException {
        return deleteOlder("prediction", "ctid", "received_at", age);
    }

    /** Ground truth recorded longer ago than {@code age}. */
    public long deleteGroundTruth(Duration age) throws SQLException {
        return deleteOlder("ground_truth", "ctid", "received_at", age);
    }

    /** Alerts resolved longer ago than {@code age}; a firing alert stays however old. */
    public long deleteResolvedAlerts(Duration age) throws SQLException {
        return deleteOlder("alert", "id", "ends_at", age);
    }

    /** Drift snapshots taken longer ago than {@code age}. */
    public long deleteDriftSnapshots(Duration age) throws SQLException {
        return deleteOlder("drift_snapshot", "id", "taken_at", age);
    }

    private long deleteOlder(String table, String key, String column, Duration age) throws SQLException {
        return AgedRows.delete(dataSource, table, key, column, age);
    }
}
