package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.PredictionAnswer;
import dev.aiaas.monitoring.model.ServedRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The kept answers of an endpoint's requests (table {@code prediction}): per request id within
 * the endpoint's project, the answer a client got (the champion's or the challenger's) and the
 * shadow's, when a copy went to one. Runs in the caller's transaction.
 */
@ApplicationScoped
public class AnswerStore {

    static final String COLUMNS = "p.request_id, p.received_at, p.model_name, p.model_version, p.role, p.task, p.row_count, "
            + "p.predicted_labels, p.predicted_values, p.predicted_width";

    @Inject
    DataSource dataSource;

    /**
     * Keeps the answer to a request to an endpoint of {@code project}; false when one of the same
     * kind (served, or shadow) was kept before.
     */
    public boolean insert(String project, String endpoint, PredictionAnswer answer) throws SQLException {
        String sql = "insert into prediction (project, endpoint, request_id, model_name, model_version, received_at, "
                + "task, row_count, predicted_labels, predicted_values, predicted_width, role) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, project);
            insert.setString(2, endpoint);
            insert.setString(3, answer.requestId());
            insert.setString(4, answer.modelName());
            insert.setLong(5, answer.modelVersion());
            insert.setTimestamp(6, Timestamp.from(answer.receivedAt()));
            insert.setString(7, answer.kind().name());
            insert.setInt(8, answer.rows());
            insert.setArray(9, c.createArrayOf("text", answer.labels().toArray()));
            Float[] values = new Float[answer.values().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = answer.values()[i];
            }
            insert.setArray(10, c.createArrayOf("float4", values));
            insert.setInt(11, answer.width());
            insert.setString(12, answer.role().label());
            return insert.executeUpdate() == 1;
        }
    }

    /** The kept answer a client got to a request to an endpoint of {@code project}, if one was kept. */
    public Optional<PredictionAnswer> find(String project, String endpoint, String requestId) throws SQLException {
        String sql = "select " + COLUMNS + " from prediction p where p.project = ? and p.endpoint = ? "
                + "and p.request_id = ? and p.role <> 'shadow'";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setString(3, requestId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** The answer in a row selected with {@link #COLUMNS}. */
    static PredictionAnswer read(ResultSet row) throws SQLException {
        Float[] boxed = (Float[]) row.getArray("predicted_values").getArray();
        float[] values = new float[boxed.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = boxed[i] == null ? Float.NaN : boxed[i];
        }
        return new PredictionAnswer(row.getString("request_id"), row.getTimestamp("received_at").toInstant(),
                row.getString("model_name"), row.getLong("model_version"),
                ServedRole.of(row.getString("role")), AnswerKind.valueOf(row.getString("task")),
                row.getInt("row_count"), List.of((String[]) row.getArray("predicted_labels").getArray()), values,
                row.getInt("predicted_width"));
    }
}
