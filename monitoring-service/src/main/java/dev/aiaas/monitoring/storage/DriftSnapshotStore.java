package dev.aiaas.monitoring.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.monitoring.model.DriftSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Drift snapshots of each endpoint of a project ({@code drift_snapshot}); the features go in as
 * JSON, a p-value that a distance does not have as null.
 */
@ApplicationScoped
public class DriftSnapshotStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StoredFeature>> FEATURES = new TypeReference<>() {
    };
    private static final String COLUMNS = "taken_at, newest_sample_id, model_name, model_version, sample_rows, "
            + "drift_share, drifted, features, prediction";

    @Inject
    DataSource dataSource;

    /** A feature as stored: JSON has no NaN, so a missing p-value is null. */
    record StoredFeature(String feature, String kind, String method, double statistic, Double pValue,
            double threshold, double psi, boolean drifted) {

        static StoredFeature of(DriftSnapshot.Feature feature) {
            return new StoredFeature(feature.feature(), feature.kind(), feature.method(), feature.statistic(),
                    Double.isNaN(feature.pValue()) ? null : feature.pValue(), feature.threshold(), feature.psi(),
                    feature.drifted());
        }

        DriftSnapshot.Feature toFeature() {
            return new DriftSnapshot.Feature(feature, kind, method, statistic, pValue == null ? Double.NaN : pValue,
                    threshold, psi, drifted);
        }
    }

    public void insert(String project, String endpoint, DriftSnapshot snapshot) throws SQLException {
        String sql = "insert into drift_snapshot (project, endpoint, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            int i = 0;
            insert.setString(++i, project);
            insert.setString(++i, endpoint);
            insert.setTimestamp(++i, Timestamp.from(snapshot.takenAt()));
            insert.setLong(++i, snapshot.newestSampleId());
            insert.setString(++i, snapshot.modelName());
            insert.setLong(++i, snapshot.modelVersion());
            insert.setLong(++i, snapshot.sampleRows());
            insert.setDouble(++i, snapshot.driftShare());
            insert.setBoolean(++i, snapshot.drifted());
            insert.setString(++i, JSON.writeValueAsString(snapshot.features().stream().map(StoredFeature::of).toList()));
            insert.setString(++i, snapshot.prediction() == null ? null
                    : JSON.writeValueAsString(StoredFeature.of(snapshot.prediction())));
            insert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a drift snapshot could not be written as JSON", e);
        }
    }

    /** An endpoint of a project whose newest sampled request is newer than its newest snapshot. */
    public record Due(String project, String endpoint, long newestSampleId) {
    }

    /**
     * The endpoints, of every project, sampled since their newest snapshot (or never snapshotted),
     * among the first {@code limit} sampled endpoints. The endpoints are found by a skip scan of
     * the samples' (project, endpoint, id) index, one probe per endpoint, so a pass costs a few
     * index reads per endpoint however many samples there are.
     */
    public List<Due> due(int limit) throws SQLException {
        String sql = "with recursive pairs (project, endpoint) as ("
                + "(select project, endpoint from prediction_sample order by project, endpoint limit 1) "
                + "union all select next.project, next.endpoint from pairs cross join lateral ("
                + "select s.project, s.endpoint from prediction_sample s "
                + "where (s.project, s.endpoint) > (pairs.project, pairs.endpoint) "
                + "order by s.project, s.endpoint limit 1) next) "
                + "select project, endpoint, newest from (select p.project, p.endpoint, "
                + "(select s.id from prediction_sample s where s.project = p.project and s.endpoint = p.endpoint "
                + "order by s.id desc limit 1) as newest, "
                + "(select d.newest_sample_id from drift_snapshot d where d.project = p.project "
                + "and d.endpoint = p.endpoint order by d.taken_at desc limit 1) as snapshotted "
                + "from (select * from pairs limit ?) p) sampled where snapshotted is null or newest > snapshotted";
        List<Due> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setInt(1, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    due.add(new Due(row.getString("project"), row.getString("endpoint"), row.getLong("newest")));
                }
            }
        }
        return due;
    }

    /**
     * The newest {@code limit} snapshots of an endpoint of {@code project} taken in [from, to),
     * oldest first.
     */
    public List<DriftSnapshot> list(String project, String endpoint, Instant from, Instant to, int limit)
            throws SQLException {
        String sql = "select " + COLUMNS + " from drift_snapshot where project = ? and endpoint = ? "
                + "and taken_at >= ? and taken_at < ? order by taken_at desc, id desc limit ?";
        List<DriftSnapshot> snapshots = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setTimestamp(3, Timestamp.from(from));
            query.setTimestamp(4, Timestamp.from(to));
            query.setInt(5, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    snapshots.add(read(row));
                }
            }
        }
        Collections.reverse(snapshots);
        return snapshots;
    }

    private static DriftSnapshot read(ResultSet row) throws SQLException {
        try {
            List<DriftSnapshot.Feature> features = JSON.readValue(row.getString("features"), FEATURES).stream()
                    .map(StoredFeature::toFeature).toList();
            String prediction = row.getString("prediction");
            return new DriftSnapshot(row.getTimestamp("taken_at").toInstant(), row.getLong("newest_sample_id"),
                    row.getString("model_name"), row.getLong("model_version"), row.getLong("sample_rows"),
                    row.getDouble("drift_share"), row.getBoolean("drifted"), features,
                    prediction == null ? null : JSON.readValue(prediction, StoredFeature.class).toFeature());
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored drift snapshot is not readable: " + e.getMessage(), e);
        }
    }
}
