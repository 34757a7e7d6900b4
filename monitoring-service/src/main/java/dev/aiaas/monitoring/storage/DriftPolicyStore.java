package dev.aiaas.monitoring.storage;

import dev.aiaas.ml.drift.DriftMethod;
import dev.aiaas.ml.drift.DriftPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import javax.sql.DataSource;

/** Each endpoint's drift policy, under its project; what is not set is stored as null. */
@ApplicationScoped
public class DriftPolicyStore {

    @Inject
    DataSource dataSource;

    /** Stores the policy of an endpoint of {@code project}, replacing the one before. */
    public void save(String project, String endpoint, DriftPolicy policy) throws SQLException {
        String sql = "insert into drift_policy (project, endpoint, numeric_method, numeric_threshold, "
                + "categorical_method, categorical_threshold, drift_share, updated_at) values (?, ?, ?, ?, ?, ?, ?, now()) "
                + "on conflict (project, endpoint) do update set numeric_method = excluded.numeric_method, "
                + "numeric_threshold = excluded.numeric_threshold, categorical_method = excluded.categorical_method, "
                + "categorical_threshold = excluded.categorical_threshold, drift_share = excluded.drift_share, "
                + "updated_at = excluded.updated_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            upsert.setString(1, project);
            upsert.setString(2, endpoint);
            upsert.setString(3, policy.numericMethod() == null ? null : policy.numericMethod().name());
            setNumber(upsert, 4, policy.numericThreshold());
            upsert.setString(5, policy.categoricalMethod() == null ? null : policy.categoricalMethod().name());
            setNumber(upsert, 6, policy.categoricalThreshold());
            setNumber(upsert, 7, policy.share());
            upsert.executeUpdate();
        }
    }

    /** The policy of an endpoint of {@code project}, if one was set. */
    public Optional<DriftPolicy> find(String project, String endpoint) throws SQLException {
        String sql = "select numeric_method, numeric_threshold, categorical_method, categorical_threshold, drift_share "
                + "from drift_policy where project = ? and endpoint = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, endpoint);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DriftPolicy(method(row.getString("numeric_method")),
                        number(row, "numeric_threshold"), method(row.getString("categorical_method")),
                        number(row, "categorical_threshold"), number(row, "drift_share")));
            }
        }
    }

    private static void setNumber(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static double number(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Double.NaN : value;
    }

    private static DriftMethod method(String name) {
        return name == null ? null : DriftMethod.valueOf(name);
    }
}
