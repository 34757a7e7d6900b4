package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.testing.MigrationSchema;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
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
        MigrationSchema schema = MigrationSchema.fresh(dataSource, "monitoring_before_projects").migrateTo("4");
        schema.execute("""
                insert into window_stats (endpoint, window_start, request_count, latency_buckets)
                    values ('iris', '2026-11-30T10:00:00Z', 7, '{}');
                insert into prediction_sample (%s) values (%s);
                insert into processed_event (event_id) values ('event-1');
                insert into audit_event (event_id, occurred_at, service, method, principal, principal_is_service,
                    project, request, outcome, outcome_message, trace_id)
                    values ('audit-1', now(), 'registry-service', 'SetAlias', 'ada', false, 'acme', '{}', 'OK', '', '');
                """.formatted(SAMPLE_COLUMNS, SAMPLE));

        schema.migrateTo("latest");

        assertThat(schema.strings("select project || ' ' || endpoint || ' ' || request_count from window_stats"))
                .containsExactly("default iris 7");
        assertThat(schema.strings("select project || ' ' || endpoint from prediction_sample"))
                .containsExactly("default iris");
        assertThat(schema.strings("select event_id from processed_event")).containsExactly("event-1");
        assertThat(schema.strings("select project from audit_event")).as("the audit trail keeps its projects")
                .containsExactly("acme");
    }

    @Test
    void everyNewRowNamesItsProjectAndAWindowIsUniqueWithinOne() throws SQLException {
        MigrationSchema schema = MigrationSchema.fresh(dataSource, "monitoring_with_projects").migrateTo("latest");

        schema.execute("""
                insert into window_stats (project, endpoint, window_start, latency_buckets)
                    values ('alpha', 'iris', '2026-12-01T10:00:00Z', '{}'), ('beta', 'iris', '2026-12-01T10:00:00Z', '{}');
                insert into prediction_sample (project, %s) values ('alpha', %s), ('beta', %s);
                """.formatted(SAMPLE_COLUMNS, SAMPLE, SAMPLE));

        assertThat(schema.sqlStateOf("insert into window_stats (endpoint, window_start, latency_buckets) "
                + "values ('iris', '2026-12-01T10:00:10Z', '{}')")).isEqualTo("23502");
        assertThat(schema.sqlStateOf("insert into window_stats (project, endpoint, window_start, latency_buckets) "
                + "values ('alpha', 'iris', '2026-12-01T10:00:00Z', '{}')")).isEqualTo("23505");
        assertThat(schema.sqlStateOf("insert into prediction_sample (" + SAMPLE_COLUMNS + ") values (" + SAMPLE + ")"))
                .isEqualTo("23502");
        assertThat(schema.strings("select project from window_stats where endpoint = 'iris' order by project"))
                .containsExactly("alpha", "beta");
        assertThat(schema.strings("select project from prediction_sample where endpoint = 'iris' order by project"))
                .containsExactly("alpha", "beta");
    }
}
