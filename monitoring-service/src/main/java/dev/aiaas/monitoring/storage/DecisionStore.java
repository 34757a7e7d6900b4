package dev.aiaas.monitoring.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.monitoring.model.Decision;
import dev.aiaas.monitoring.model.DecisionAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Every decision of the retraining loop, kept to be listed (the loop's audit trail). */
@ApplicationScoped
public class DecisionStore {

    private static final String COLUMNS = "id, project, endpoint, run_id, action, reason, figures, model_name, "
            + "champion_version, challenger_version, decided_at";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Double>> FIGURES = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    public void insert(Decision decision) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into decision (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            insert.setString(++i, decision.id());
            insert.setString(++i, decision.project());
            insert.setString(++i, decision.endpoint());
            insert.setString(++i, decision.runId());
            insert.setString(++i, decision.action().name());
            insert.setString(++i, decision.reason());
            insert.setString(++i, JSON.writeValueAsString(new TreeMap<>(decision.figures())));
            insert.setString(++i, decision.modelName());
            insert.setLong(++i, decision.championVersion());
            insert.setLong(++i, decision.challengerVersion());
            insert.setTimestamp(++i, Timestamp.from(decision.decidedAt()));
            insert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision's figures could not be written as JSON", e);
        }
    }

    /**
     * Up to {@code limit} decisions of {@code project}, newest first: of one endpoint (null: every
     * one), of one run (null: every one).
     */
    public List<Decision> list(String project, String endpoint, String runId, int limit) throws SQLException {
        String sql = "select " + COLUMNS + " from decision where project = ? and (?::text is null or endpoint = ?) "
                + "and (?::text is null or run_id = ?) order by decided_at desc, id desc limit ?";
        List<Decision> decisions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            query.setString(3, endpoint);
            query.setString(4, runId);
            query.setString(5, runId);
            query.setInt(6, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    decisions.add(read(row));
                }
            }
        }
        return decisions;
    }

    private static Decision read(ResultSet row) throws SQLException {
        Map<String, Double> figures;
        try {
            figures = JSON.readValue(row.getString("figures"), FIGURES);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored decision's figures are not readable: " + e.getMessage(), e);
        }
        return new Decision(row.getString("id"), row.getString("project"), row.getString("endpoint"),
                row.getString("run_id"), DecisionAction.valueOf(row.getString("action")), row.getString("reason"),
                figures, row.getString("model_name"), row.getLong("champion_version"),
                row.getLong("challenger_version"), row.getTimestamp("decided_at").toInstant());
    }
}
