package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.FeatureSample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Raw feature rows of logged predictions, each kept under its endpoint's project: a drift report
 * reads one project's endpoint only. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SampleStore {

    @Inject
    DataSource dataSource;

    /** Keeps the rows of one request to an endpoint of {@code project}. */
    public void insert(String project, FeatureSample sample, Instant receivedAt) throws SQLException {
        String sql = "insert into prediction_sample (project, endpoint, model_name, model_version, received_at, "
                + "feature_names, features, feature_count, profile_key, profile_sha256) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, project);
            insert.setString(2, sample.endpoint());
            insert.setString(3, sample.modelName());
            insert.setLong(4, sample.modelVersion());
            insert.setTimestamp(5, Timestamp.from(receivedAt));
            insert.setArray(6, c.createArrayOf("text", sample.featureNames().toArray()));
            insert.setArray(7, c.createArrayOf("float8", Arrays.stream(sample.features()).boxed().toArray()));
            insert.setInt(8, sample.featureNames().size());
            insert.setString(9, sample.profileKey());
            insert.setString(10, sample.profileSha256());
            insert.executeUpdate();
        }
    }

    /**
     * The newest samples of an endpoint of {@code project}, all of the model version of the
     * newest one, newest first, until they hold at least {@code rows} rows.
     */
    public List<FeatureSample> newest(String project, String endpoint, int rows) throws SQLException {
        String sql = "select endpoint, model_name, model_version, feature_names, features, profile_key, profile_sha256 "
                + "from prediction_sample where project = ? and endpoint = ? and model_version = (select model_version "
                + "from prediction_sample where project = ? and endpoint = ? order by id desc limit 1) order by id desc";
        List<FeatureSample> samples = new ArrayList<>();
        int seen = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setString(3, project);
            query.setString(4, endpoint);
            query.setFetchSize(200);
            try (ResultSet row = query.executeQuery()) {
                while (seen < rows && row.next()) {
                    FeatureSample sample = read(row);
                    samples.add(sample);
                    seen += sample.rows();
                }
            }
        }
        return samples;
    }

    private static FeatureSample read(ResultSet row) throws SQLException {
        String[] names = (String[]) row.getArray("feature_names").getArray();
        Double[] boxed = (Double[]) row.getArray("features").getArray();
        double[] values = new double[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i] == null ? Double.NaN : boxed[i];
        }
        return new FeatureSample(row.getString("endpoint"), row.getString("model_name"), row.getLong("model_version"),
                List.of(names), values, row.getString("profile_key"), row.getString("profile_sha256"));
    }
}
