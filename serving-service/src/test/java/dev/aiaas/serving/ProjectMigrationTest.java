package dev.aiaas.serving;

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
        MigrationSchema schema = MigrationSchema.fresh(dataSource, "serving_before_projects").migrateTo("1");
        schema.execute("insert into deployment (endpoint, " + COLUMNS + ") values "
                + "('iris', 'iris', 'champion', null, 64, 500, 1024, 1), ('fixed', 'iris', null, 2, 8, 100, 16, 2)");

        schema.migrateTo("latest");

        assertThat(schema.strings("select project || '/' || endpoint || ' ' || model_name from deployment "
                + "order by endpoint")).containsExactly("default/fixed iris", "default/iris iris");
    }

    @Test
    void everyNewDeploymentNamesItsProjectAndAnEndpointIsUniqueWithinOne() throws SQLException {
        MigrationSchema schema = MigrationSchema.fresh(dataSource, "serving_with_projects").migrateTo("latest");

        schema.execute("insert into deployment (project, endpoint, " + COLUMNS + ") values "
                + "('alpha', 'iris', 'iris', null, 1, 64, 500, 1024, 1), ('beta', 'iris', 'iris', null, 1, 64, 500, 1024, 1)");

        assertThat(schema.sqlStateOf("insert into deployment (endpoint, " + COLUMNS + ") values "
                + "('forgot', 'iris', null, 1, 64, 500, 1024, 1)")).isEqualTo("23502");
        assertThat(schema.sqlStateOf("insert into deployment (project, endpoint, " + COLUMNS + ") values "
                + "('alpha', 'iris', 'iris', null, 2, 64, 500, 1024, 1)")).isEqualTo("23505");
        assertThat(schema.strings("select project from deployment where endpoint = 'iris' order by project"))
                .containsExactly("alpha", "beta");
    }
}
