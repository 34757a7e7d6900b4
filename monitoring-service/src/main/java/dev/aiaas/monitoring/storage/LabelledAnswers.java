package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.LabelledAnswer;
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
import java.util.List;
import javax.sql.DataSource;

/**
 * Kept answers joined with their requests' ground truth, a page at a time: the join is made
 * when read, so ground truth recorded before its answer was logged joins as well as one after.
 */
@ApplicationScoped
public class LabelledAnswers {

    @Inject
    DataSource dataSource;

    /**
     * Where a page ended: the last answer's time, request id and role (a request's served and
     * shadow answers share the first two).
     */
    public record Position(Instant receivedAt, String requestId, String role) {

        /** The position of {@code answer}. */
        public static Position of(PredictionAnswer answer) {
            return new Position(answer.receivedAt(), answer.requestId(), answer.role().label());
        }
    }

    /**
     * Up to {@code limit} answers to an endpoint of {@code project} received in [from, to) that
     * have ground truth, newest first, after {@code after} (null: from the newest).
     */
    public List<LabelledAnswer> page(String project, String endpoint, Instant from, Instant to, Position after,
            int limit) throws SQLException {
        String sql = "select " + AnswerStore.COLUMNS + ", " + GroundTruthStore.COLUMNS + " from prediction p "
                + "join ground_truth g on g.project = p.project and g.endpoint = p.endpoint "
                + "and g.request_id = p.request_id "
                + "where p.project = ? and p.endpoint = ? and p.received_at >= ? and p.received_at < ? "
                + (after == null ? "" : "and (p.received_at, p.request_id, p.role) < (?, ?, ?) ")
                + "order by p.received_at desc, p.request_id desc, p.role desc limit ?";
        List<LabelledAnswer> page = new ArrayList<>();
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
                    PredictionAnswer answer = AnswerStore.read(row);
                    page.add(new LabelledAnswer(answer, GroundTruthStore.read(row)));
                }
            }
        }
        return page;
    }
}
