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

/** Aliases and the history of their moves. Runs inside the caller's transaction. */
@ApplicationScoped
public class AliasStore {

    @Inject
    DataSource dataSource;

    /** The version an alias points at. */
    public Optional<Long> find(String model, String alias) throws SQLException {
        return select(model, alias, "");
    }

    /** The version an alias points at, locking the alias row until the transaction ends. */
    public Optional<Long> findForUpdate(String model, String alias) throws SQLException {
        return select(model, alias, " for update");
    }

    private Optional<Long> select(String model, String alias, String lock) throws SQLException {
        String sql = "select version from model_alias where model_name = ? and alias = ?" + lock;
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, model);
            query.setString(2, alias);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Points the alias at {@code version} and records the move (previous 0 = new alias). */
    public void move(String model, String alias, long version, long previous, String movedBy) throws SQLException {
        String upsert = "insert into model_alias (model_name, alias, version) values (?, ?, ?) "
                + "on conflict (model_name, alias) do update set version = excluded.version, updated_at = now()";
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(upsert)) {
            statement.setString(1, model);
            statement.setString(2, alias);
            statement.setLong(3, version);
            statement.executeUpdate();
        }
        record(model, alias, version, previous, movedBy);
    }

    /** Removes the alias and records the deletion. */
    public void delete(String model, String alias, long previous, String movedBy) throws SQLException {
        String sql = "delete from model_alias where model_name = ? and alias = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, model);
            statement.setString(2, alias);
            statement.executeUpdate();
        }
        record(model, alias, 0, previous, movedBy);
    }

    /** Current aliases of a model, by name. */
    public Map<String, Long> aliasesOf(String model) throws SQLException {
        String sql = "select alias, version from model_alias where model_name = ?";
        Map<String, Long> aliases = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, model);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    aliases.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return aliases;
    }

    /** Moves of one alias (or of all the model's aliases when {@code alias} is empty), newest first. */
    public List<AliasChange> history(String model, String alias, int limit) throws SQLException {
        String sql = "select alias, version, previous_version, changed_at, moved_by from alias_history "
                + "where model_name = ? and (? = '' or alias = ?) order by id desc limit ?";
        List<AliasChange> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, model);
            query.setString(2, alias);
            query.setString(3, alias);
            query.setInt(4, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    changes.add(new AliasChange(model, row.getString(1), row.getLong(2), row.getLong(3),
                            row.getTimestamp(4).toInstant(), row.getString(5)));
                }
            }
        }
        return changes;
    }

    private void record(String model, String alias, long version, long previous, String movedBy) throws SQLException {
        String sql = "insert into alias_history (model_name, alias, version, previous_version, moved_by) "
                + "values (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, model);
            insert.setString(2, alias);
            if (version == 0) {
                insert.setNull(3, Types.BIGINT);
            } else {
                insert.setLong(3, version);
            }
            if (previous == 0) {
                insert.setNull(4, Types.BIGINT);
            } else {
                insert.setLong(4, previous);
            }
            insert.setString(5, movedBy);
            insert.executeUpdate();
        }
    }
}
