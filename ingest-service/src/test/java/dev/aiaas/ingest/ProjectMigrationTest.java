package dev.aiaas.ingest;

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
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Datasets from before projects (V7) move into the default project with everything that
 * belongs to them, and from V8 on every row names its project: the same name may exist in two
 * projects, and a row that names none is refused. Migrates a schema of its own on the test's
 * PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class ProjectMigrationTest {

    private static final String SCHEMA = "ingest_before_v8";
    private static final String FLOWERS = "'{\"columns\": [{\"name\": \"species\", \"kind\": \"STRING\", "
            + "\"nullable\": false}], \"labelColumn\": \"species\"}'";

    @Inject
    DataSource dataSource;

    @Test
    void rowsFromBeforeProjectsBelongToTheDefaultProjectAndNewRowsMustNameOne() throws Exception {
        flyway("7").migrate();
        execute("insert into " + SCHEMA + ".dataset (name, schema_json, latest_version) values ('flowers', " + FLOWERS
                + ", 1)");
        execute("insert into " + SCHEMA + ".open_chunk (dataset, row_count, lines) values ('flowers', 1, "
                + "'{\"species\":\"setosa\"}\n')");
        execute("insert into " + SCHEMA + ".upload (dataset, upload_id, records_seen) values ('flowers', 'u-1', 1)");
        execute("insert into " + SCHEMA + ".dataset_version (dataset, version, row_count, sha256, manifest_key, parts) "
                + "values ('flowers', 1, 1, 'abc', 'datasets/flowers/v1/0/manifest.json', '[]')");

        flyway("latest").migrate();

        for (String table : new String[] {"dataset", "open_chunk", "upload", "dataset_version"}) {
            assertThat(projectsOf(table)).as(table).isEqualTo("default");
        }
        execute("insert into " + SCHEMA + ".dataset (project, name, schema_json) values ('alpha', 'flowers', " + FLOWERS
                + ")");
        assertThat(count("dataset where name = 'flowers'")).isEqualTo(2);
        assertThatThrownBy(() -> execute("insert into " + SCHEMA + ".dataset (name, schema_json) values ('roses', "
                + FLOWERS + ")")).isInstanceOf(SQLException.class).hasMessageContaining("project");
        // a record can only go into a dataset of its own project
        assertThatThrownBy(() -> execute("insert into " + SCHEMA + ".open_chunk (project, dataset, row_count, lines) "
                + "values ('beta', 'flowers', 1, 'x')")).isInstanceOf(SQLException.class)
                .hasMessageContaining("open_chunk_dataset_fkey");
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    private String projectsOf(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement query = c.createStatement();
                ResultSet rows = query.executeQuery("select string_agg(distinct project, ',') from " + SCHEMA + "."
                        + table)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private long count(String tableAndCondition) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement query = c.createStatement();
                ResultSet rows = query.executeQuery("select count(*) from " + SCHEMA + "." + tableAndCondition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
