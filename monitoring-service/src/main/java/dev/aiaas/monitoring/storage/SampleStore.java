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
 * Raw input rows and answers of sampled predictions, each kept under its endpoint's project: a
 * drift report reads one project's endpoint only. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SampleStore {

    private static final String COLUMNS = "id, endpoint, model_name, model_version, row_count, feature_names, "
            + "features, categorical_names, categorical_features, predicted_classes, predicted_values, "
            + "profile_key, profile_sha256";
    private static final String ANSWERED = "(cardinality(predicted_classes) > 0 or cardinality(predicted_values) > 0)";

    @Inject
    DataSource dataSource;

    /** Keeps the rows of one request to an endpoint of {@code project}. */
    public void insert(String project, FeatureSample sample, Instant receivedAt) throws SQLException {
        String sql = "insert into prediction_sample (project, endpoint, model_name, model_version, received_at, "
                + "feature_names, features, feature_count, profile_key, profile_sha256, categorical_names, "
                + "categorical_features, predicted_classes, predicted_values, row_count) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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
            insert.setArray(11, c.createArrayOf("text", sample.categoricalNames().toArray()));
            insert.setArray(12, c.createArrayOf("text", sample.categorical()));
            insert.setArray(13, c.createArrayOf("int4", Arrays.stream(sample.predictedClasses()).boxed().toArray()));
            Float[] values = new Float[sample.predictedValues().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = sample.predictedValues()[i];
            }
            insert.setArray(14, c.createArrayOf("float4", values));
            insert.setInt(15, sample.rows());
            insert.executeUpdate();
        }
    }

    /**
     * The newest samples of an endpoint of {@code project}, all of the model version of the
     * newest one, newest first, until they hold at least {@code rows} rows.
     */
    public List<FeatureSample> newest(String project, String endpoint, int rows) throws SQLException {
        String sql = "select " + COLUMNS + " from prediction_sample where project = ? and endpoint = ? "
                + "and (model_name, model_version) = (select model_name, model_version from prediction_sample "
                + "where project = ? and endpoint = ? order by id desc limit 1) order by id desc";
        return read(sql, rows, project, endpoint, project, endpoint);
    }

    /** Rows of the samples of one model version at an endpoint of {@code project} that hold its answers. */
    public long answeredRows(String project, String endpoint, String model, long version) throws SQLException {
        String sql = "select coalesce(sum(row_count), 0) from prediction_sample where project = ? and endpoint = ? "
                + "and model_name = ? and model_version = ? and " + ANSWERED;
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setString(3, model);
            query.setLong(4, version);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * The oldest samples with answers of one model version at an endpoint of {@code project},
     * stored before {@code beforeId}, oldest first, until they hold at least {@code rows} rows.
     */
    public List<FeatureSample> oldestAnswered(String project, String endpoint, String model, long version, int rows,
            long beforeId) throws SQLException {
        String sql = "select " + COLUMNS + " from prediction_sample where project = ? and endpoint = ? "
                + "and model_name = ? and model_version = ? and id < ? and " + ANSWERED + " order by id";
        return read(sql, rows, project, endpoint, model, version, beforeId);
    }

    private List<FeatureSample> read(String sql, int rows, Object... args) throws SQLException {
        List<FeatureSample> samples = new ArrayList<>();
        int seen = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
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
        Double[] boxed = (Double[]) row.getArray("features").getArray();
        double[] values = new double[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i] == null ? Double.NaN : boxed[i];
        }
        Integer[] classes = (Integer[]) row.getArray("predicted_classes").getArray();
        Float[] predicted = (Float[]) row.getArray("predicted_values").getArray();
        float[] answers = new float[predicted.length];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = predicted[i] == null ? Float.NaN : predicted[i];
        }
        return new FeatureSample(row.getLong("id"), row.getString("endpoint"), row.getString("model_name"),
                row.getLong("model_version"), row.getInt("row_count"),
                List.of((String[]) row.getArray("feature_names").getArray()), values,
                List.of((String[]) row.getArray("categorical_names").getArray()),
                (String[]) row.getArray("categorical_features").getArray(),
                Arrays.stream(classes).mapToInt(Integer::intValue).toArray(), answers,
                row.getString("profile_key"), row.getString("profile_sha256"));
    }
}
