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

/** Registered models in PostgreSQL. Runs inside the caller's transaction. */
@ApplicationScoped
public class ModelStore {

    @Inject
    DataSource dataSource;

    @Inject
    AliasStore aliases;

    /** Inserts the model unless it exists; true when this call created it. */
    public boolean insertIfMissing(String name, String description, Map<String, String> tags) throws SQLException {
        String sql = "insert into registered_model (name, description, tags) values (?, ?, ?::jsonb) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, name);
            insert.setString(2, description);
            insert.setString(3, JsonColumns.write(tags));
            return insert.executeUpdate() == 1;
        }
    }

    public Optional<RegisteredModel> find(String name) throws SQLException {
        String sql = "select name, description, tags, latest_version, created_at from registered_model where name = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    public List<RegisteredModel> list(int limit) throws SQLException {
        String sql = "select name, description, tags, latest_version, created_at from registered_model order by name limit ?";
        List<RegisteredModel> models = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setInt(1, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    models.add(read(row));
                }
            }
        }
        return models;
    }

    /**
     * Reserves the model's next version number. The row lock this takes serialises
     * concurrent registrations of the same model until the transaction ends.
     */
    /** Locks the model's row until the transaction ends: creations of its versions take turns. */
    public void lock(String name) throws SQLException {
        String sql = "select 1 from registered_model where name = ? for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, name);
            query.executeQuery().close();
        }
    }

    public long nextVersion(String name) throws SQLException {
        String sql = "update registered_model set latest_version = latest_version + 1 where name = ? returning latest_version";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, name);
            try (ResultSet row = update.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private RegisteredModel read(ResultSet row) throws SQLException {
        String name = row.getString("name");
        return new RegisteredModel(
                name,
                row.getString("description"),
                JsonColumns.strings(row.getString("tags")),
                aliases.aliasesOf(name),
                row.getLong("latest_version"),
                row.getTimestamp("created_at").toInstant());
    }
}
