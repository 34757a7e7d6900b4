package dev.aiaas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.testing.MigrationSchema;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
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
        MigrationSchema schema = MigrationSchema.fresh(dataSource, "registry_before_projects").migrateTo("4");
        schema.execute("""
                insert into registered_model (name, latest_version) values ('legacy', 1);
                insert into model_version (model_name, version, family, training_job_id) values ('legacy', 1, 'MLP', 'job-1');
                insert into model_artifact (model_name, version, role, object_key, sha256, size_bytes)
                    values ('legacy', 1, 'parameters', 'models/legacy/job-1/parameters.params', repeat('a', 64), 10);
                insert into model_alias (model_name, alias, version) values ('legacy', 'champion', 1);
                insert into alias_history (model_name, alias, version) values ('legacy', 'champion', 1);
                """);

        schema.migrateTo("latest");

        for (String table : TABLES) {
            assertThat(schema.strings("select distinct project from " + table)).as(table).containsExactly("default");
        }
        assertThat(schema.strings("select object_key from model_artifact"))
                .as("object keys stay as recorded").containsExactly("models/legacy/job-1/parameters.params");
    }

    @Test
    void everyNewRowNamesItsProjectAndNamesAreUniqueWithinOne() throws SQLException {
        MigrationSchema schema = MigrationSchema.fresh(dataSource, "registry_with_projects").migrateTo("latest");

        schema.execute("""
                insert into registered_model (project, name) values ('alpha', 'iris'), ('beta', 'iris');
                insert into model_version (project, model_name, version, family, training_job_id)
                    values ('alpha', 'iris', 1, 'MLP', 'job-1'), ('beta', 'iris', 1, 'MLP', 'job-1');
                """);

        assertThat(schema.sqlStateOf("insert into registered_model (name) values ('forgot')")).isEqualTo("23502");
        assertThat(schema.sqlStateOf("insert into registered_model (project, name) values ('alpha', 'iris')"))
                .isEqualTo("23505");
        assertThat(schema.sqlStateOf("insert into model_alias (project, model_name, alias, version) "
                + "values ('gamma', 'iris', 'champion', 1)")).isEqualTo("23503");
        assertThat(schema.strings("select project from model_version where model_name = 'iris' order by project"))
                .containsExactly("alpha", "beta");
    }
}
