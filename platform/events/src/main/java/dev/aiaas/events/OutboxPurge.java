package dev.aiaas.events;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Keeps the outbox small: deletes events published longer ago than their retention, and
 * parked ones (kept longer, for an operator to look at) after theirs.
 */
public final class OutboxPurge {

    private final DataSource dataSource;
    private final String table;

    public OutboxPurge(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** @return how many events were deleted */
    public long purge(Duration published, Duration parked) throws SQLException {
        return AgedRows.delete(dataSource, table, "id", "published_at", published)
                + AgedRows.delete(dataSource, table, "id", "parked_at", parked);
    }
}
