package dev.aiaas.training;

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
        MigrationSchema schema = MigrationSchema.fresh(dataSource, "training_before_projects").migrateTo("5");
        schema.execute("""
                insert into job (id, request_id, spec, state, checkpoint_epoch, checkpoint_key)
                    values ('job-1', 'request-1', %s, 'RUNNING', 3, 'training/checkpoints/job-1/epoch-0003.params');
                insert into job_event (job_id, state, epoch, message) values ('job-1', 'QUEUED', 0, 'queued');
                """.formatted(SPEC));

        schema.migrateTo("latest");

        assertThat(schema.strings("select distinct project from job")).containsExactly("default");
        assertThat(schema.strings("select distinct project from job_event")).containsExactly("default");
        assertThat(schema.strings("select checkpoint_key from job"))
                .as("object keys stay as recorded").containsExactly("training/checkpoints/job-1/epoch-0003.params");
    }

    @Test
    void everyNewRowNamesItsProjectAndRequestIdsAreUniqueWithinOne() throws SQLException {
        MigrationSchema schema = MigrationSchema.fresh(dataSource, "training_with_projects").migrateTo("latest");

        schema.execute("""
                insert into job (project, id, request_id, spec, state) values
                    ('alpha', 'job-a', 'request-1', %1$s, 'QUEUED'), ('beta', 'job-b', 'request-1', %1$s, 'QUEUED');
                insert into job_event (project, job_id, state) values ('alpha', 'job-a', 'QUEUED');
                """.formatted(SPEC));

        assertThat(schema.sqlStateOf("insert into job (id, spec, state) values ('job-c', " + SPEC + ", 'QUEUED')"))
                .isEqualTo("23502");
        assertThat(schema.sqlStateOf("insert into job (project, id, request_id, spec, state) "
                + "values ('alpha', 'job-d', 'request-1', " + SPEC + ", 'QUEUED')")).isEqualTo("23505");
        assertThat(schema.sqlStateOf("insert into job (project, id, spec, state) values ('gamma', 'job-a', " + SPEC
                + ", 'QUEUED')")).isEqualTo("23505");
        assertThat(schema.sqlStateOf("insert into job_event (project, job_id, state) values ('beta', 'job-a', 'QUEUED')"))
                .isEqualTo("23503");
        assertThat(schema.sqlStateOf("insert into job_event (job_id, state) values ('job-a', 'QUEUED')"))
                .isEqualTo("23502");
        assertThat(schema.strings("select project from job where request_id = 'request-1' order by project"))
                .containsExactly("alpha", "beta");
    }
}
