package dev.aiaas.monitoring.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.monitoring.model.RetrainingPolicy;
import dev.aiaas.monitoring.model.TrainingOverrides;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Each endpoint's retraining policy, under its project. */
@ApplicationScoped
public class RetrainingPolicyStore {

    private static final String COLUMNS = "endpoint, enabled, trigger_alerts, trigger_new_records, shadow_share, "
            + "shadow_min_samples, canary_weight, canary_min_samples, promote_margin, rollback_margin, "
            + "max_error_rate_increase, max_latency_ratio, stage_timeout_seconds, overrides, updated_at";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    /** A policy with its endpoint's project. */
    public record ProjectPolicy(String project, RetrainingPolicy policy) {
    }

    /** Stores the policy of an endpoint of {@code project}, replacing the one before. */
    public void save(String project, RetrainingPolicy policy) throws SQLException {
        String sql = "insert into retraining_policy (project, " + COLUMNS + ") values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict (project, endpoint) do update set "
                + "enabled = excluded.enabled, trigger_alerts = excluded.trigger_alerts, "
                + "trigger_new_records = excluded.trigger_new_records, shadow_share = excluded.shadow_share, "
                + "shadow_min_samples = excluded.shadow_min_samples, canary_weight = excluded.canary_weight, "
                + "canary_min_samples = excluded.canary_min_samples, promote_margin = excluded.promote_margin, "
                + "rollback_margin = excluded.rollback_margin, "
                + "max_error_rate_increase = excluded.max_error_rate_increase, "
                + "max_latency_ratio = excluded.max_latency_ratio, "
                + "stage_timeout_seconds = excluded.stage_timeout_seconds, overrides = excluded.overrides, "
                + "updated_at = now()";
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            int i = 0;
            upsert.setString(++i, project);
            upsert.setString(++i, policy.endpoint());
            upsert.setBoolean(++i, policy.enabled());
            upsert.setArray(++i, c.createArrayOf("text", policy.triggerAlerts().toArray()));
            upsert.setLong(++i, policy.triggerNewRecords());
            upsert.setInt(++i, policy.shadowShare());
            upsert.setInt(++i, policy.shadowMinSamples());
            upsert.setInt(++i, policy.canaryWeight());
            upsert.setInt(++i, policy.canaryMinSamples());
            upsert.setDouble(++i, policy.promoteMargin());
            upsert.setDouble(++i, policy.rollbackMargin());
            upsert.setDouble(++i, policy.maxErrorRateIncrease());
            upsert.setDouble(++i, policy.maxLatencyRatio());
            upsert.setLong(++i, policy.stageTimeout().toSeconds());
            upsert.setString(++i, json(policy.overrides()));
            upsert.executeUpdate();
        }
    }

    /** The policy of an endpoint of {@code project}, if one was set. */
    public Optional<RetrainingPolicy> find(String project, String endpoint) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select " + COLUMNS + " from retraining_policy where project = ? and endpoint = ?")) {
            query.setString(1, project);
            query.setString(2, endpoint);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Every enabled policy of every project, for a pass of the loop. */
    public List<ProjectPolicy> enabled() throws SQLException {
        List<ProjectPolicy> policies = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select project, " + COLUMNS + " from retraining_policy where enabled order by project, endpoint");
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                policies.add(new ProjectPolicy(row.getString("project"), read(row)));
            }
        }
        return policies;
    }

    private static RetrainingPolicy read(ResultSet row) throws SQLException {
        return new RetrainingPolicy(row.getString("endpoint"), row.getBoolean("enabled"),
                List.of((String[]) row.getArray("trigger_alerts").getArray()), row.getLong("trigger_new_records"),
                row.getInt("shadow_share"), row.getInt("shadow_min_samples"), row.getInt("canary_weight"),
                row.getInt("canary_min_samples"), row.getDouble("promote_margin"), row.getDouble("rollback_margin"),
                row.getDouble("max_error_rate_increase"), row.getDouble("max_latency_ratio"),
                Duration.ofSeconds(row.getLong("stage_timeout_seconds")), overrides(row.getString("overrides")),
                row.getTimestamp("updated_at").toInstant());
    }

    private static String json(TrainingOverrides overrides) {
        try {
            return JSON.writeValueAsString(overrides);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("hyperparameter overrides could not be written as JSON", e);
        }
    }

    private static TrainingOverrides overrides(String json) throws SQLException {
        try {
            return "{}".equals(json) ? TrainingOverrides.NONE : JSON.readValue(json, TrainingOverrides.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored hyperparameter overrides are not readable: " + e.getMessage(), e);
        }
    }
}
