package dev.aiaas.monitoring.storage;

import dev.aiaas.monitoring.model.AlertKind;
import dev.aiaas.monitoring.model.AlertRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Each endpoint's alert rules, under its project. Runs in the caller's transaction. */
@ApplicationScoped
public class AlertRuleStore {

    private static final String COLUMNS = "name, kind, threshold, baseline_accuracy, min_samples, for_evaluations, "
            + "clear_evaluations, severity";

    @Inject
    DataSource dataSource;

    /** A rule with the endpoint it watches. */
    public record EndpointRule(String project, String endpoint, AlertRule rule) {
    }

    /** Replaces the rules of an endpoint of {@code project}. */
    public void replace(String project, String endpoint, List<AlertRule> rules) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from alert_rule where project = ? and endpoint = ?");
                PreparedStatement insert = c.prepareStatement("insert into alert_rule (project, endpoint, " + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            delete.setString(1, project);
            delete.setString(2, endpoint);
            delete.executeUpdate();
            for (AlertRule rule : rules) {
                insert.setString(1, project);
                insert.setString(2, endpoint);
                insert.setString(3, rule.name());
                insert.setString(4, rule.kind().name());
                insert.setDouble(5, rule.threshold());
                insert.setDouble(6, rule.baselineAccuracy());
                insert.setInt(7, rule.minSamples());
                insert.setInt(8, rule.forEvaluations());
                insert.setInt(9, rule.clearEvaluations());
                insert.setString(10, rule.severity());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The rules of an endpoint of {@code project}, by name. */
    public List<AlertRule> rules(String project, String endpoint) throws SQLException {
        List<AlertRule> rules = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select " + COLUMNS + " from alert_rule where project = ? and endpoint = ? order by name")) {
            query.setString(1, project);
            query.setString(2, endpoint);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rules.add(read(row));
                }
            }
        }
        return rules;
    }

    /** Every rule of every endpoint, for an evaluation round. */
    public List<EndpointRule> all() throws SQLException {
        List<EndpointRule> rules = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select project, endpoint, " + COLUMNS + " from alert_rule order by project, endpoint, name");
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rules.add(new EndpointRule(row.getString("project"), row.getString("endpoint"), read(row)));
            }
        }
        return rules;
    }

    private static AlertRule read(ResultSet row) throws SQLException {
        return new AlertRule(row.getString("name"), AlertKind.valueOf(row.getString("kind")),
                row.getDouble("threshold"), row.getDouble("baseline_accuracy"), row.getInt("min_samples"),
                row.getInt("for_evaluations"), row.getInt("clear_evaluations"), row.getString("severity"));
    }
}
