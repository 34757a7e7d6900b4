package dev.aiaas.monitoring;

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
 * V5 makes monitoring project-aware: traffic windows and drift samples from before belong to the
 * default project (so calls that name no project keep finding them), and from then on every row
 * names its project and an endpoint's window is unique within its project. Counted event ids and
 * the audit trail stay as they were. Migrates schemas of its own on the test's PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class ProjectMigrationTest {

    private static final String SAMPLE_COLUMNS = "endpoint, model_name, model_version, received_at, feature_names, "
            + "features, feature_count, profile_key, profile_sha256";
    private static final String SAMPLE = "'iris', 'iris', 1, now(), '{x}', '{1.0}', 1, 'k', 's'";

    @Inject
    DataSource dataSource;

    @Test
    void windowsAndSamplesFromBeforeProjectsBelongToTheDefaultProject() throws SQLException {
        String schema = "monitoring_before_projects";
        flyway(schema, "4").migrate();
        execute(schema, """
                insert into window_stats (endpoint, window_start, request_count, latency_buckets)
                    values ('iris', '2026-11-30T10:00:00Z', 7, '{}');
                insert into prediction_sample (%s) values (%s);
                insert into processed_event (event_id) values ('event-1');
                insert into audit_event (event_id, occurred_at, service, method, principal, principal_is_service,
                    project, request, outcome, outcome_message, trace_id)
                    values ('audit-1', now(), 'registry-service', 'SetAlias', 'ada', false, 'acme', '{}', 'OK', '', '');
                """.formatted(SAMPLE_COLUMNS, SAMPLE));

        flyway(schema, "latest").migrate();

        assertThat(strings(schema, "select project || ' ' || endpoint || ' ' || request_count from window_stats"))
                .containsExactly("default iris 7");
        assertThat(strings(schema, "select project || ' ' || endpoint from prediction_sample"))
                .containsExactly("default iris");
        assertThat(strings(schema, "select event_id from processed_event")).containsExactly("event-1");
        assertThat(strings(schema, "select project from audit_event")).as("the audit trail keeps its projects")
                .containsExactly("acme");
    }

    @Test
    void everyNewRowNamesItsProjectAndAWindowIsUniqueWithinOne() throws SQLException {
        String schema = "monitoring_with_projects";
        flyway(schema, "latest").migrate();

        execute(schema, """
                insert into window_stats (project, endpoint, window_start, latency_buckets)
                    values ('alpha', 'iris', '2026-12-01T10:00:00Z', '{}'), ('beta', 'iris', '2026-12-01T10:00:00Z', '{}');
                insert into prediction_sample (project, %s) values ('alpha', %s), ('beta', %s);
                """.formatted(SAMPLE_COLUMNS, SAMPLE, SAMPLE));

        assertSqlState(schema, "insert into window_stats (endpoint, window_start, latency_buckets) "
                + "values ('iris', '2026-12-01T10:00:10Z', '{}')", "23502");
        assertSqlState(schema, "insert into window_stats (project, endpoint, window_start, latency_buckets) "
                + "values ('alpha', 'iris', '2026-12-01T10:00:00Z', '{}')", "23505");
        assertSqlState(schema, "insert into prediction_sample (" + SAMPLE_COLUMNS + ") values (" + SAMPLE + ")", "23502");
        assertThat(strings(schema, "select project from window_stats where endpoint = 'iris' order by project"))
                .containsExactly("alpha", "beta");
        assertThat(strings(schema, "select project from prediction_sample where endpoint = 'iris' order by project"))
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

    /** The statement fails with {@code sqlState}: 23502 a missing value, 23505 a duplicate. */
    private void assertSqlState(String schema, String sql, String sqlState) {
        assertThatThrownBy(() -> execute(schema, sql)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
    }
}
