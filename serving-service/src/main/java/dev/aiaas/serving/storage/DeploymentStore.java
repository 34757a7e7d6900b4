package dev.aiaas.serving.storage;

import dev.aiaas.batching.BatchPolicy;
import dev.aiaas.errors.SqlWork;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.TrafficSplit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The desired deployments in serving's own schema: written by Deploy, SetTraffic and Undeploy on
 * any replica, read by every replica at start and on each reconcile. A row holds the champion's
 * binding, the challenger's and shadow's (alias or version, both null when not bound) and the
 * traffic split. An endpoint is named within its project: every query that names one names the
 * project too.
 */
@ApplicationScoped
public class DeploymentStore {

    private static final String SELECT = "select project, endpoint, model_name, alias, version, max_batch_size, "
            + "max_queue_delay_us, max_queue_size, instances, challenger_alias, challenger_version, "
            + "challenger_weight, shadow_alias, shadow_version, shadow_share from deployment";

    @Inject
    DataSource dataSource;

    /** Creates or replaces the endpoint's declaration in its project. */
    public void save(DesiredDeployment deployment) {
        String sql = "insert into deployment (project, endpoint, model_name, alias, version, max_batch_size, "
                + "max_queue_delay_us, max_queue_size, instances, challenger_alias, challenger_version, "
                + "challenger_weight, shadow_alias, shadow_version, shadow_share) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (project, endpoint) do update set model_name = excluded.model_name, "
                + "alias = excluded.alias, "
                + "version = excluded.version, max_batch_size = excluded.max_batch_size, "
                + "max_queue_delay_us = excluded.max_queue_delay_us, max_queue_size = excluded.max_queue_size, "
                + "instances = excluded.instances, challenger_alias = excluded.challenger_alias, "
                + "challenger_version = excluded.challenger_version, challenger_weight = excluded.challenger_weight, "
                + "shadow_alias = excluded.shadow_alias, shadow_version = excluded.shadow_version, "
                + "shadow_share = excluded.shadow_share, updated_at = now()";
        SqlWork.run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
                BatchPolicy batching = deployment.batching();
                statement.setString(1, deployment.project());
                statement.setString(2, deployment.endpoint());
                statement.setString(3, deployment.binding().modelName());
                bind(statement, 4, deployment.binding());
                statement.setInt(6, batching.maxBatchSize());
                statement.setInt(7, (int) (batching.maxQueueDelay().toNanos() / 1000));
                statement.setInt(8, batching.queueCapacity());
                statement.setInt(9, batching.instances());
                bind(statement, 10, deployment.challenger());
                statement.setInt(12, deployment.traffic().challengerWeight());
                bind(statement, 13, deployment.shadow());
                statement.setInt(15, deployment.traffic().shadowShare());
                return statement.executeUpdate();
            }
        });
    }

    /** Changes only the traffic split of {@code project}'s endpoint; false when it is not declared there. */
    public boolean saveTraffic(String project, String endpoint, TrafficSplit split) {
        String sql = "update deployment set challenger_weight = ?, shadow_share = ?, updated_at = now() "
                + "where project = ? and endpoint = ?";
        return SqlWork.run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setInt(1, split.challengerWeight());
                statement.setInt(2, split.shadowShare());
                statement.setString(3, project);
                statement.setString(4, endpoint);
                return statement.executeUpdate() > 0;
            }
        });
    }

    /** Forgets the endpoint of {@code project}; false when it was not declared there. */
    public boolean delete(String project, String endpoint) {
        return SqlWork.run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement statement =
                    c.prepareStatement("delete from deployment where project = ? and endpoint = ?")) {
                statement.setString(1, project);
                statement.setString(2, endpoint);
                return statement.executeUpdate() > 0;
            }
        });
    }

    /** The declaration of {@code project}'s endpoint, or empty when it is not declared there. */
    public Optional<DesiredDeployment> find(String project, String endpoint) {
        String sql = SELECT + " where project = ? and endpoint = ?";
        return SqlWork.run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
                query.setString(1, project);
                query.setString(2, endpoint);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.<DesiredDeployment>empty();
                }
            }
        });
    }

    /**
     * Every declared endpoint of every project, by project and name: a replica serves them all
     * (the reconcile loop), each in its own project.
     */
    public List<DesiredDeployment> all() {
        String sql = SELECT + " order by project, endpoint";
        return SqlWork.run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql);
                    ResultSet rows = query.executeQuery()) {
                List<DesiredDeployment> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(read(rows));
                }
                return all;
            }
        });
    }

    /** Writes {@code binding} as (alias, version) at {@code index}: the one it names, the other null; both null for none. */
    private static void bind(PreparedStatement statement, int index, Binding binding) throws SQLException {
        if (binding != null && binding.followsAlias()) {
            statement.setString(index, binding.alias());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
        if (binding != null && !binding.followsAlias()) {
            statement.setLong(index + 1, binding.version());
        } else {
            statement.setNull(index + 1, Types.BIGINT);
        }
    }

    private static DesiredDeployment read(ResultSet row) throws SQLException {
        String model = row.getString("model_name");
        BatchPolicy batching = new BatchPolicy(row.getInt("max_batch_size"),
                Duration.ofNanos(row.getInt("max_queue_delay_us") * 1000L), row.getInt("max_queue_size"),
                row.getInt("instances"));
        return new DesiredDeployment(row.getString("project"), row.getString("endpoint"),
                binding(row, model, "alias", "version"), batching,
                binding(row, model, "challenger_alias", "challenger_version"),
                binding(row, model, "shadow_alias", "shadow_version"),
                new TrafficSplit(row.getInt("challenger_weight"), row.getInt("shadow_share")));
    }

    /** The binding stored in the two columns; null when both are null (a role not bound). */
    private static Binding binding(ResultSet row, String model, String aliasColumn, String versionColumn)
            throws SQLException {
        String alias = row.getString(aliasColumn);
        long version = row.getLong(versionColumn);
        if (alias == null && row.wasNull()) {
            return null;
        }
        return new Binding(model, alias == null ? "" : alias, alias == null ? version : 0);
    }
}
