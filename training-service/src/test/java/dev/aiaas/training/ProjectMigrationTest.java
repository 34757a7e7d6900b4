package dev.aiaas.training;

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
 * V6 makes training project-aware: jobs and their progress from before belong to the default
 * project (so calls that name no project keep finding them), and from then on every row names its
 * project; a request id is unique within its project, a job id across all. Migrates schemas of its
 * own on the test's PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RegistryStandIn.class, restrictToAnnotatedClass = false)
class ProjectMigrationTest {

    private static final String SPEC = "'{\"dataset\": \"iris\"}'";

    @Inject
    DataSource dataSource;

    @Test
    void jobsFromBeforeProjectsBelongToTheDefaultProject() throws SQLException {
        String schema = "training_before_projects";
        flyway(schema, "5").migrate();
        execute(schema, """
                insert into job (id, request_id, spec, state, checkpoint_epoch, checkpoint_key)
                    values ('job-1', 'request-1', %s, 'RUNNING', 3, 'training/checkpoints/job-1/epoch-0003.params');
                insert into job_event (job_id, state, epoch, message) values ('job-1', 'QUEUED', 0, 'queued');
                """.formatted(SPEC));

        flyway(schema, "latest").migrate();

        assertThat(strings(schema, "select distinct project from job")).containsExactly("default");
        assertThat(strings(schema, "select distinct project from job_event")).containsExactly("default");
        assertThat(strings(schema, "select checkpoint_key from job"))
                .as("object keys stay as recorded").containsExactly("training/checkpoints/job-1/epoch-0003.params");
    }

    @Test
    void everyNewRowNamesItsProjectAndRequestIdsAreUniqueWithinOne() throws SQLException {
        String schema = "training_with_projects";
        flyway(schema, "latest").migrate();

        execute(schema, """
                insert into job (project, id, request_id, spec, state) values
                    ('alpha', 'job-a', 'request-1', %1$s, 'QUEUED'), ('beta', 'job-b', 'request-1', %1$s, 'QUEUED');
                insert into job_event (project, job_id, state) values ('alpha', 'job-a', 'QUEUED');
                """.formatted(SPEC));

        assertSqlState(schema, "insert into job (id, spec, state) values ('job-c', " + SPEC + ", 'QUEUED')", "23502");
        assertSqlState(schema, "insert into job (project, id, request_id, spec, state) "
                + "values ('alpha', 'job-d', 'request-1', " + SPEC + ", 'QUEUED')", "23505");
        assertSqlState(schema, "insert into job (project, id, spec, state) values ('gamma', 'job-a', " + SPEC
                + ", 'QUEUED')", "23505");
        assertSqlState(schema, "insert into job_event (project, job_id, state) values ('beta', 'job-a', 'QUEUED')",
                "23503");
        assertSqlState(schema, "insert into job_event (job_id, state) values ('job-a', 'QUEUED')", "23502");
        assertThat(strings(schema, "select project from job where request_id = 'request-1' order by project"))
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
