package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.LatencyHistogram;
import dev.aiaas.monitoring.model.ServedRole;
import dev.aiaas.monitoring.model.TrafficWindow;
import dev.aiaas.monitoring.model.VersionKey;
import dev.aiaas.monitoring.model.VersionWindow;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Stored traffic windows, one per model version and role an endpoint answered with, and the set
 * of events already counted. A window belongs to its
 * endpoint's project: every read and write names the project, so two projects' endpoints of
 * one name are counted apart. Runs in the caller's transaction.
 */
@ApplicationScoped
public class WindowStore {

    private static final String COLUMNS = "endpoint, window_start, request_count, error_count, row_count, latency_buckets";

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

    /**
     * The stored window of one version in one role at an endpoint of {@code project}, locked until
     * the transaction ends.
     */
    public Optional<TrafficWindow> findForUpdate(String project, String endpoint, VersionKey version, Instant start)
            throws SQLException {
        String sql = "select " + COLUMNS + " from window_stats where project = ? and endpoint = ? and window_start = ? "
                + "and model_name = ? and model_version = ? and role = ? for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setTimestamp(3, Timestamp.from(start));
            query.setString(4, version.modelName());
            query.setLong(5, version.modelVersion());
            query.setString(6, version.role().label());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Stores the window of one version in one role, replacing the one of the same start. */
    public void save(String project, VersionKey version, TrafficWindow window) throws SQLException {
        String sql = "insert into window_stats (project, endpoint, window_start, request_count, error_count, row_count, "
                + "latency_buckets, model_name, model_version, role) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (project, endpoint, window_start, model_name, model_version, role) do update set "
                + "request_count = excluded.request_count, error_count = excluded.error_count, "
                + "row_count = excluded.row_count, latency_buckets = excluded.latency_buckets";
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            upsert.setString(1, project);
            upsert.setString(2, window.endpoint());
            upsert.setTimestamp(3, Timestamp.from(window.start()));
            upsert.setLong(4, window.requests());
            upsert.setLong(5, window.errors());
            upsert.setLong(6, window.rows());
            Long[] buckets = java.util.Arrays.stream(window.latency().counts()).boxed().toArray(Long[]::new);
            upsert.setArray(7, c.createArrayOf("bigint", buckets));
            upsert.setString(8, version.modelName());
            upsert.setLong(9, version.modelVersion());
            upsert.setString(10, version.role().label());
            upsert.executeUpdate();
        }
    }

    /** Whether any window of the endpoint of {@code project} is stored. */
    public boolean seen(String project, String endpoint) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select 1 from window_stats where project = ? and endpoint = ? limit 1")) {
            query.setString(1, project);
            query.setString(2, endpoint);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * The endpoints of {@code project} with any stored window, by name, at most {@code limit}:
     * read as a skip scan of the primary key (one index probe per endpoint, not per window).
     */
    public List<String> endpoints(String project, int limit) throws SQLException {
        String sql = "with recursive seen (endpoint) as ("
                + "(select endpoint from window_stats where project = ? order by endpoint limit 1) "
                + "union all select (select w.endpoint from window_stats w where w.project = ? "
                + "and w.endpoint > seen.endpoint order by w.endpoint limit 1) from seen where seen.endpoint is not null) "
                + "select endpoint from seen where endpoint is not null limit ?";
        List<String> endpoints = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, project);
            query.setInt(3, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    endpoints.add(row.getString(1));
                }
            }
        }
        return endpoints;
    }

    /**
     * The traffic clients got from an endpoint of {@code project} (every version's windows but a
     * shadow's, merged) in windows starting in [from, to), oldest first.
     */
    public List<TrafficWindow> windows(String project, String endpoint, Instant from, Instant to) throws SQLException {
        Map<Instant, TrafficWindow> merged = new TreeMap<>();
        for (VersionWindow window : versionWindows(project, endpoint, from, to)) {
            if (window.version().role().answersClients()) {
                merged.merge(window.window().start(), window.window(), TrafficWindow::plus);
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** Each version's windows, in each role, of an endpoint of {@code project} starting in [from, to), oldest first. */
    public List<VersionWindow> versionWindows(String project, String endpoint, Instant from, Instant to)
            throws SQLException {
        String sql = "select " + COLUMNS + ", model_name, model_version, role from window_stats "
                + "where project = ? and endpoint = ? and window_start >= ? and window_start < ? order by window_start";
        List<VersionWindow> windows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setTimestamp(3, Timestamp.from(from));
            query.setTimestamp(4, Timestamp.from(to));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    VersionKey version = new VersionKey(row.getString("model_name"), row.getLong("model_version"),
                            ServedRole.of(row.getString("role")));
                    windows.add(new VersionWindow(version, read(row)));
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
