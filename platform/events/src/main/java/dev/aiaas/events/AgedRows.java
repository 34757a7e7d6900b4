package dev.aiaas.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Retention of the tables events leave behind (the outbox, counted event ids, what consumers
 * derive from them): deletes the rows whose time column is older than an age, in batches of
 * {@value #BATCH}, so that a long backlog never holds one long transaction.
 */
public final class AgedRows {

    private static final int BATCH = 10_000;

    private AgedRows() {
    }

    /**
     * @param key    a column that picks rows one by one ({@code id}, or {@code ctid})
     * @param column the row's time
     * @return how many rows were deleted
     */
    public static long delete(DataSource dataSource, String table, String key, String column, Duration age)
            throws SQLException {
        String sql = "delete from " + table + " where " + key + " in (select " + key + " from " + table + " where "
                + column + " < now() - make_interval(secs => ?) limit " + BATCH + ")";
        long total = 0;
        int deleted;
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(sql)) {
            do {
                delete.setDouble(1, age.toMillis() / 1000.0);
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted == BATCH);
        }
        return total;
    }
}
