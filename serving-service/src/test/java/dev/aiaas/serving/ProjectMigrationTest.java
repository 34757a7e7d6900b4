package dev.aiaas.serving;

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
 * V2 makes serving's desired state project-aware: deployments from before belong to the default
 * project (so calls that name no project keep finding their endpoints), and from then on every
 * row names its project and an endpoint name is unique within it. Migrates schemas of its own on
 * the test's PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PeerRegistry.class, restrictToAnnotatedClass = false)
class ProjectMigrationTest {

    private static final String COLUMNS = "model_name, alias, version, max_batch_size, max_queue_delay_us, "
            + "max_queue_size, instances";

    @Inject
    DataSource dataSource;

    @Test
    void deploymentsFromBeforeProjectsBelongToTheDefaultProject() throws SQLException {
        String schema = fresh("serving_before_projects");
        flyway(schema, "1").migrate();
        execute(schema, "insert into deployment (endpoint, " + COLUMNS + ") values "
                + "('iris', 'iris', 'champion', null, 64, 500, 1024, 1), ('fixed', 'iris', null, 2, 8, 100, 16, 2)");

        flyway(schema, "latest").migrate();

        assertThat(strings(schema, "select project || '/' || endpoint || ' ' || model_name from deployment "
                + "order by endpoint")).containsExactly("default/fixed iris", "default/iris iris");
    }

    @Test
    void everyNewDeploymentNamesItsProjectAndAnEndpointIsUniqueWithinOne() throws SQLException {
        String schema = fresh("serving_with_projects");
        flyway(schema, "latest").migrate();

        execute(schema, "insert into deployment (project, endpoint, " + COLUMNS + ") values "
                + "('alpha', 'iris', 'iris', null, 1, 64, 500, 1024, 1), ('beta', 'iris', 'iris', null, 1, 64, 500, 1024, 1)");

        assertSqlState(schema, "insert into deployment (endpoint, " + COLUMNS + ") values "
                + "('forgot', 'iris', null, 1, 64, 500, 1024, 1)", "23502");
        assertSqlState(schema, "insert into deployment (project, endpoint, " + COLUMNS + ") values "
                + "('alpha', 'iris', 'iris', null, 2, 64, 500, 1024, 1)", "23505");
        assertThat(strings(schema, "select project from deployment where endpoint = 'iris' order by project"))
                .containsExactly("alpha", "beta");
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    /** {@code schema}, dropped first: the test's PostgreSQL may hold it from an earlier run. */
    private String fresh(String schema) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        return schema;
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
                statement.execute("set search_path to serving");
            }
        }
    }

    private interface SchemaWork<T> {
        T apply(Statement statement) throws SQLException;
    }

    /** The statement fails with {@code sqlState}: 23502 a missing value, 23505 a duplicate. */
    private void assertSqlState(String schema, String sql, String sqlState) {
        assertThatThrownBy(() -> execute(schema, sql)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
    }
}
