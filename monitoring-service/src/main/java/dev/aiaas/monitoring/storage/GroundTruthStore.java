package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.GroundTruth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Recorded ground truth, one per request id of an endpoint of a project (table
 * {@code ground_truth}): the first one stored stays.
 */
@ApplicationScoped
public class GroundTruthStore {

    static final String COLUMNS = "g.endpoint, g.request_id, g.true_labels, g.true_values, g.observed_at";

    @Inject
    DataSource dataSource;

    /**
     * Stores the ground truth of a request to an endpoint of {@code project}, observed at
     * {@code observedAt}; false when the request has ground truth already (it is left as it was).
     */
    public boolean insert(String project, GroundTruth truth, Instant observedAt) throws SQLException {
        String sql = "insert into ground_truth (project, endpoint, request_id, true_labels, true_values, observed_at) "
                + "values (?, ?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, project);
            insert.setString(2, truth.endpoint());
            insert.setString(3, truth.requestId());
            insert.setArray(4, c.createArrayOf("text", truth.labels().toArray()));
            insert.setArray(5, c.createArrayOf("float8", Arrays.stream(truth.values()).boxed().toArray()));
            insert.setTimestamp(6, Timestamp.from(observedAt));
            return insert.executeUpdate() == 1;
        }
    }

    /** The ground truth of a request to an endpoint of {@code project}, if it has one. */
    public Optional<GroundTruth> find(String project, String endpoint, String requestId) throws SQLException {
        String sql = "select " + COLUMNS + " from ground_truth g where g.project = ? and g.endpoint = ? "
                + "and g.request_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setString(3, requestId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** The ground truth in a row selected with {@link #COLUMNS}. */
    static GroundTruth read(ResultSet row) throws SQLException {
        Double[] boxed = (Double[]) row.getArray("true_values").getArray();
        double[] values = new double[boxed.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = boxed[i];
        }
        return new GroundTruth(row.getString("endpoint"), row.getString("request_id"),
                List.of((String[]) row.getArray("true_labels").getArray()), values,
                row.getTimestamp("observed_at").toInstant());
    }
}
