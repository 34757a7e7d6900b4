package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.LatencyHistogram;
import dev.aiaas.monitoring.model.TrafficWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Stored traffic windows and the set of events already counted. Runs in the caller's transaction. */
@ApplicationScoped
public class WindowStore {

    @Inject
    DataSource dataSource;

    /** Remembers an event id; false when it was counted before (a redelivery). */
    public boolean markProcessed(String eventId) throws SQLException {
        String sql = "insert into processed_event (event_id) values (?) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, eventId);
            return insert.executeUpdate() == 1;
        }
    }

    /** The stored window, locked until the transaction ends. */
    public Optional<TrafficWindow> findForUpdate(String endpoint, Instant start) throws SQLException {
        String sql = "select endpoint, window_start, request_count, error_count, row_count, latency_buckets "
                + "from window_stats where endpoint = ? and window_start = ? for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, endpoint);
            query.setTimestamp(2, Timestamp.from(start));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    public void save(TrafficWindow window) throws SQLException {
        String sql = "insert into window_stats (endpoint, window_start, request_count, error_count, row_count, latency_buckets) "
                + "values (?, ?, ?, ?, ?, ?) on conflict (endpoint, window_start) do update set "
                + "request_count = excluded.request_count, error_count = excluded.error_count, "
                + "row_count = excluded.row_count, latency_buckets = excluded.latency_buckets";
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            upsert.setString(1, window.endpoint());
            upsert.setTimestamp(2, Timestamp.from(window.start()));
            upsert.setLong(3, window.requests());
            upsert.setLong(4, window.errors());
            upsert.setLong(5, window.rows());
            Long[] buckets = java.util.Arrays.stream(window.latency().counts()).boxed().toArray(Long[]::new);
            upsert.setArray(6, c.createArrayOf("bigint", buckets));
            upsert.executeUpdate();
        }
    }

    /** Whether any window of the endpoint is stored. */
    public boolean seen(String endpoint) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select 1 from window_stats where endpoint = ? limit 1")) {
            query.setString(1, endpoint);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The stored windows of an endpoint starting in [from, to), oldest first. */
    public List<TrafficWindow> windows(String endpoint, Instant from, Instant to) throws SQLException {
        String sql = "select endpoint, window_start, request_count, error_count, row_count, latency_buckets "
                + "from window_stats where endpoint = ? and window_start >= ? and window_start < ? order by window_start";
        List<TrafficWindow> windows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, endpoint);
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    windows.add(read(row));
                }
            }
        }
        return windows;
    }

    private static TrafficWindow read(ResultSet row) throws SQLException {
        Array buckets = row.getArray("latency_buckets");
        Long[] boxed = (Long[]) buckets.getArray();
        long[] counts = new long[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            counts[i] = boxed[i];
        }
        return new TrafficWindow(row.getString("endpoint"), row.getTimestamp("window_start").toInstant(),
                row.getLong("request_count"), row.getLong("error_count"), row.getLong("row_count"),
                LatencyHistogram.of(counts));
    }
}
