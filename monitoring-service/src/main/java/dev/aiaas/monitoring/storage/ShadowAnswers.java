package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.GroundTruth;
import dev.aiaas.monitoring.model.PredictionAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The shadow's answers of an endpoint, a page at a time, with the answers clients got to the same
 * requests and their ground truth: what comparing a shadow with the served versions reads.
 */
@ApplicationScoped
public class ShadowAnswers {

    @Inject
    DataSource dataSource;

    /**
     * Up to {@code limit} shadow answers to an endpoint of {@code project} received in [from, to),
     * newest first, after {@code after} (null: from the newest).
     */
    public List<PredictionAnswer> page(String project, String endpoint, Instant from, Instant to,
            LabelledAnswers.Position after, int limit) throws SQLException {
        String sql = "select " + AnswerStore.COLUMNS + " from prediction p where p.project = ? and p.endpoint = ? "
                + "and p.role = 'shadow' and p.received_at >= ? and p.received_at < ? "
                + (after == null ? "" : "and (p.received_at, p.request_id, p.role) < (?, ?, ?) ")
                + "order by p.received_at desc, p.request_id desc limit ?";
        List<PredictionAnswer> page = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            int i = 0;
            query.setString(++i, project);
            query.setString(++i, endpoint);
            query.setTimestamp(++i, Timestamp.from(from));
            query.setTimestamp(++i, Timestamp.from(to));
            if (after != null) {
                query.setTimestamp(++i, Timestamp.from(after.receivedAt()));
                query.setString(++i, after.requestId());
                query.setString(++i, after.role());
            }
            query.setInt(++i, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    page.add(AnswerStore.read(row));
                }
            }
        }
        return page;
    }

    /** The answers clients got to {@code requestIds} of an endpoint of {@code project}, by request id. */
    public Map<String, PredictionAnswer> served(String project, String endpoint, Collection<String> requestIds)
            throws SQLException {
        return byRequestId("select " + AnswerStore.COLUMNS + " from prediction p where p.project = ? "
                + "and p.endpoint = ? and p.role <> 'shadow' and p.request_id = any(?)", project, endpoint, requestIds,
                AnswerStore::read, PredictionAnswer::requestId);
    }

    /** The ground truth of {@code requestIds} of an endpoint of {@code project}, by request id. */
    public Map<String, GroundTruth> truths(String project, String endpoint, Collection<String> requestIds)
            throws SQLException {
        return byRequestId("select " + GroundTruthStore.COLUMNS + " from ground_truth g where g.project = ? "
                + "and g.endpoint = ? and g.request_id = any(?)", project, endpoint, requestIds, GroundTruthStore::read,
                GroundTruth::requestId);
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> Map<String, T> byRequestId(String sql, String project, String endpoint, Collection<String> requestIds,
            RowReader<T> reader, Function<T, String> key) throws SQLException {
        Map<String, T> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setArray(3, c.createArrayOf("text", requestIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    T item = reader.read(row);
                    found.put(key.apply(item), item);
                }
            }
        }
        return found;
    }
}
