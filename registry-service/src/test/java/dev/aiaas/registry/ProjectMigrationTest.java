package dev.aiaas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.testing.RealServersResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V5 makes the registry project-aware: models, versions, artifacts, aliases and alias history
 * from before belong to the default project (so calls that name no project keep finding them),
 * and from then on every row names its project and a name is unique within it. Migrates
 * schemas of its own on the test's PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class ProjectMigrationTest {

    private static final List<String> TABLES =
            List.of("registered_model", "model_version", "model_artifact", "model_alias", "alias_history");

    @Inject
    DataSource dataSource;

    @Test
    void rowsFromBeforeProjectsBelongToTheDefaultProject() throws SQLException {
        String schema = "registry_before_projects";
        flyway(schema, "4").migrate();
        execute(schema, """
                insert into registered_model (name, latest_version) values ('legacy', 1);
                insert into model_version (model_name, version, family, training_job_id) values ('legacy', 1, 'MLP', 'job-1');
                insert into model_artifact (model_name, version, role, object_key, sha256, size_bytes)
                    values ('legacy', 1, 'parameters', 'models/legacy/job-1/parameters.params', repeat('a', 64), 10);
                insert into model_alias (model_name, alias, version) values ('legacy', 'champion', 1);
                insert into alias_history (model_name, alias, version) values ('legacy', 'champion', 1);
                """);

        flyway(schema, "latest").migrate();

        for (String table : TABLES) {
            assertThat(strings(schema, "select distinct project from " + table)).as(table).containsExactly("default");
        }
        assertThat(strings(schema, "select object_key from model_artifact"))
                .as("object keys stay as recorded").containsExactly("models/legacy/job-1/parameters.params");
    }

    @Test
    void everyNewRowNamesItsProjectAndNamesAreUniqueWithinOne() throws SQLException {
        String schema = "registry_with_projects";
        flyway(schema, "latest").migrate();

        execute(schema, """
                insert into registered_model (project, name) values ('alpha', 'iris'), ('beta', 'iris');
                insert into model_version (project, model_name, version, family, training_job_id)
                    values ('alpha', 'iris', 1, 'MLP', 'job-1'), ('beta', 'iris', 1, 'MLP', 'job-1');
                """);

        assertSqlState(schema, "insert into registered_model (name) values ('forgot')", "23502");
        assertSqlState(schema, "insert into registered_model (project, name) values ('alpha', 'iris')", "23505");
        assertSqlState(schema, "insert into model_alias (project, model_name, alias, version) "
                + "values ('gamma', 'iris', 'champion', 1)", "23503");
        assertThat(strings(schema, "select project from model_version where model_name = 'iris' order by project"))
                .containsExactly("alpha", "beta");
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    private void execute(String schema, String sql) throws SQLException {
        inSchema(schema, statement -> {
            statement.execute(sql);
            return null;
        });
    }

    private List<String> strings(String schema, String sql) throws SQLException {
        return inSchema(schema, query -> {
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }

    /** Runs SQL against {@code schema}; the pooled connection goes back to the service's schema after. */
    private <T> T inSchema(String schema, SchemaWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("set search_path to " + schema);
            try {
                return work.apply(statement);
            } finally {
                statement.execute("reset search_path");
            }
        }
    }

    private interface SchemaWork<T> {
        T apply(Statement statement) throws SQLException;
    }

    /** The statement fails with {@code sqlState}: 23502 a missing value, 23505 a duplicate, 23503 a dangling reference. */
    private void assertSqlState(String schema, String sql, String sqlState) {
        assertThatThrownBy(() -> execute(schema, sql)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
    }
}
