package dev.aiaas.registry.storage;

import dev.aiaas.registry.model.RegisteredModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Registered models in PostgreSQL, each in its project: every query names the project, so a
 * model of another project is never read, listed or changed. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class ModelStore {

    @Inject
    DataSource dataSource;

    @Inject
    AliasStore aliases;

    /** Inserts the model unless it exists; true when this call created it. */
    public boolean insertIfMissing(String project, String name, String description, Map<String, String> tags)
            throws SQLException {
        String sql = "insert into registered_model (project, name, description, tags) values (?, ?, ?, ?::jsonb) "
                + "on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, project);
            insert.setString(2, name);
            insert.setString(3, description);
            insert.setString(4, JsonColumns.write(tags));
            return insert.executeUpdate() == 1;
        }
    }

    public Optional<RegisteredModel> find(String project, String name) throws SQLException {
        String sql = "select name, description, tags, latest_version, created_at from registered_model "
                + "where project = ? and name = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(project, row)) : Optional.empty();
            }
        }
    }

    /** The project's models, by name. */
    public List<RegisteredModel> list(String project, int limit) throws SQLException {
        String sql = "select name, description, tags, latest_version, created_at from registered_model "
                + "where project = ? order by name limit ?";
        List<RegisteredModel> models = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setInt(2, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    models.add(read(project, row));
                }
            }
        }
        return models;
    }

    /** Locks the model's row until the transaction ends: creations of its versions take turns. */
    public void lock(String project, String name) throws SQLException {
        String sql = "select 1 from registered_model where project = ? and name = ? for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, name);
            query.executeQuery().close();
        }
    }

    /**
     * Reserves the model's next version number. The row lock this takes serialises
     * concurrent registrations of the same model until the transaction ends.
     */
    public long nextVersion(String project, String name) throws SQLException {
        String sql = "update registered_model set latest_version = latest_version + 1 "
                + "where project = ? and name = ? returning latest_version";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, project);
            update.setString(2, name);
            try (ResultSet row = update.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private RegisteredModel read(String project, ResultSet row) throws SQLException {
        String name = row.getString("name");
        return new RegisteredModel(
                name,
                row.getString("description"),
                JsonColumns.strings(row.getString("tags")),
                aliases.aliasesOf(project, name),
                row.getLong("latest_version"),
                row.getTimestamp("created_at").toInstant());
    }
}
