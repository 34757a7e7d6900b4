package dev.aiaas.serving.storage;

import dev.aiaas.batching.BatchPolicy;
import dev.aiaas.errors.SqlWork;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.DesiredDeployment;
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
 * The desired deployments in serving's own schema: written by Deploy and Undeploy on any
 * replica, read by every replica at start and on each reconcile. An endpoint is named within
 * its project: every query that names one names the project too.
 */
@ApplicationScoped
public class DeploymentStore {

    private static final String SELECT = "select project, endpoint, model_name, alias, version, max_batch_size, "
            + "max_queue_delay_us, max_queue_size, instances from deployment";

    @Inject
    DataSource dataSource;

    /** Creates or replaces the endpoint's declaration in its project. */
    public void save(DesiredDeployment deployment) {
        String sql = "insert into deployment (project, endpoint, model_name, alias, version, max_batch_size, "
                + "max_queue_delay_us, max_queue_size, instances) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (project, endpoint) do update set model_name = excluded.model_name, "
                + "alias = excluded.alias, "
                + "version = excluded.version, max_batch_size = excluded.max_batch_size, "
                + "max_queue_delay_us = excluded.max_queue_delay_us, max_queue_size = excluded.max_queue_size, "
                + "instances = excluded.instances, updated_at = now()";
        SqlWork.run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
                Binding binding = deployment.binding();
                BatchPolicy batching = deployment.batching();
                statement.setString(1, deployment.project());
                statement.setString(2, deployment.endpoint());
                statement.setString(3, binding.modelName());
                if (binding.followsAlias()) {
                    statement.setString(4, binding.alias());
                    statement.setNull(5, Types.BIGINT);
                } else {
                    statement.setNull(4, Types.VARCHAR);
                    statement.setLong(5, binding.version());
                }
                statement.setInt(6, batching.maxBatchSize());
                statement.setInt(7, (int) (batching.maxQueueDelay().toNanos() / 1000));
                statement.setInt(8, batching.queueCapacity());
                statement.setInt(9, batching.instances());
                return statement.executeUpdate();
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

    private static DesiredDeployment read(ResultSet row) throws SQLException {
        String alias = row.getString("alias");
        Binding binding = new Binding(row.getString("model_name"), alias == null ? "" : alias,
                alias == null ? row.getLong("version") : 0);
        BatchPolicy batching = new BatchPolicy(row.getInt("max_batch_size"),
                Duration.ofNanos(row.getInt("max_queue_delay_us") * 1000L), row.getInt("max_queue_size"),
                row.getInt("instances"));
        return new DesiredDeployment(row.getString("project"), row.getString("endpoint"), binding, batching);
    }
}
