package dev.aiaas.registry.storage;

import dev.aiaas.registry.model.AliasChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Aliases and the history of their moves, each under the model of one project (the same alias
 * of the same model name in two projects are two aliases). Runs inside the caller's transaction.
 */
@ApplicationScoped
public class AliasStore {

    @Inject
    DataSource dataSource;

    /** The version an alias points at. */
    public Optional<Long> find(String project, String model, String alias) throws SQLException {
        return select(project, model, alias, "");
    }

    /** The version an alias points at, locking the alias row until the transaction ends. */
    public Optional<Long> findForUpdate(String project, String model, String alias) throws SQLException {
        return select(project, model, alias, " for update");
    }

    private Optional<Long> select(String project, String model, String alias, String lock) throws SQLException {
        String sql = "select version from model_alias where project = ? and model_name = ? and alias = ?" + lock;
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, model);
            query.setString(3, alias);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Points the alias at {@code version} and records the move (previous 0 = new alias). */
    public void move(String project, String model, String alias, long version, long previous, String movedBy)
            throws SQLException {
        String upsert = "insert into model_alias (project, model_name, alias, version) values (?, ?, ?, ?) "
                + "on conflict (project, model_name, alias) do update set version = excluded.version, updated_at = now()";
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(upsert)) {
            statement.setString(1, project);
            statement.setString(2, model);
            statement.setString(3, alias);
            statement.setLong(4, version);
            statement.executeUpdate();
        }
        record(project, model, alias, version, previous, movedBy);
    }

    /** Removes the alias and records the deletion. */
    public void delete(String project, String model, String alias, long previous, String movedBy) throws SQLException {
        String sql = "delete from model_alias where project = ? and model_name = ? and alias = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, project);
            statement.setString(2, model);
            statement.setString(3, alias);
            statement.executeUpdate();
        }
        record(project, model, alias, 0, previous, movedBy);
    }

    /** Current aliases of a model, by name. */
    public Map<String, Long> aliasesOf(String project, String model) throws SQLException {
        String sql = "select alias, version from model_alias where project = ? and model_name = ?";
        Map<String, Long> aliases = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, model);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    aliases.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return aliases;
    }

    /** Moves of one alias (or of all the model's aliases when {@code alias} is empty), newest first. */
    public List<AliasChange> history(String project, String model, String alias, int limit) throws SQLException {
        String sql = "select alias, version, previous_version, changed_at, moved_by from alias_history "
                + "where project = ? and model_name = ? and (? = '' or alias = ?) order by id desc limit ?";
        List<AliasChange> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, model);
            query.setString(3, alias);
            query.setString(4, alias);
            query.setInt(5, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    changes.add(new AliasChange(model, row.getString(1), row.getLong(2), row.getLong(3),
                            row.getTimestamp(4).toInstant(), row.getString(5)));
                }
            }
        }
        return changes;
    }

    private void record(String project, String model, String alias, long version, long previous, String movedBy)
            throws SQLException {
        String sql = "insert into alias_history (project, model_name, alias, version, previous_version, moved_by) "
                + "values (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, project);
            insert.setString(2, model);
            insert.setString(3, alias);
            if (version == 0) {
                insert.setNull(4, Types.BIGINT);
            } else {
                insert.setLong(4, version);
            }
            if (previous == 0) {
                insert.setNull(5, Types.BIGINT);
            } else {
                insert.setLong(5, previous);
            }
            insert.setString(6, movedBy);
            insert.executeUpdate();
        }
    }
}
