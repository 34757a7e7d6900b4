package dev.aiaas.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A schema of a migration test's own on the test's PostgreSQL, migrated with the service's
 * scripts ({@code classpath:db/migration}) to the version the test names, so that rows can be
 * written as an older version left them and read after the next migration. Statements run with
 * the schema on the search path; the pooled connection goes back to the service's schema after.
 */
public final class MigrationSchema {

    private final DataSource dataSource;
    private final String schema;

    private MigrationSchema(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** The schema, empty: one left by an earlier run is dropped first. */
    public static MigrationSchema fresh(DataSource dataSource, String schema) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        return new MigrationSchema(dataSource, schema);
    }

    /** Migrates to {@code target}: a version such as {@code "4"}, or {@code "latest"}. */
    public MigrationSchema migrateTo(String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load().migrate();
        return this;
    }

    public void execute(String sql) throws SQLException {
        inSchema(statement -> {
            statement.execute(sql);
            return null;
        });
    }

    /** The first column of every row {@code sql} selects. */
    public List<String> strings(String sql) throws SQLException {
        return inSchema(query -> {
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }

    /**
     * The SQL state {@code sql} fails with (23502 a missing value, 23505 a duplicate, 23503 a
     * dangling reference), or {@code null} when it succeeds.
     */
    public String sqlStateOf(String sql) {
        try {
            execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private <T> T inSchema(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("set search_path to " + schema);
            try {
                return work.apply(statement);
            } finally {
                statement.execute("reset search_path");
            }
        }
    }

    private interface Work<T> {
        T apply(Statement statement) throws SQLException;
    }
}
