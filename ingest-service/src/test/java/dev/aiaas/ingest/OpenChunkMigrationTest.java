package dev.aiaas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Records left open by a version before V7 (one {@code open_record} row each, JSON as jsonb
 * printed it) survive the move to chunks as part lines: schema order, missing values left
 * out, in arrival order. Migrates a schema of its own on the test's PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class OpenChunkMigrationTest {

    private static final String SCHEMA = "ingest_before_v7";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void openRecordsFromBeforeV7BecomeChunksOfOnePartLineEachInArrivalOrder() throws Exception {
        flyway("6").migrate();
        execute("insert into " + SCHEMA + ".dataset (name, schema_json) values ('flowers', '{\"columns\": ["
                + "{\"name\": \"width\", \"kind\": \"DOUBLE\", \"nullable\": true},"
                + "{\"name\": \"count\", \"kind\": \"INT64\", \"nullable\": false},"
                + "{\"name\": \"species\", \"kind\": \"STRING\", \"nullable\": false}], \"labelColumn\": \"species\"}')");
        execute("insert into " + SCHEMA + ".open_record (dataset, payload) values "
                + "('flowers', '{\"count\": 3, \"species\": \"setosa\", \"width\": 0.25}'),"
                + "('flowers', '{\"species\": \"say \\\"hi\\\"\", \"count\": 7, \"width\": null}'),"
                + "('flowers', '{\"count\": 1, \"species\": \"virginica\"}')");

        flyway("latest").migrate();

        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement query = c.createStatement();
                ResultSet rows = query.executeQuery("select row_count, lines from " + SCHEMA
                        + ".open_chunk where dataset = 'flowers' order by id")) {
            while (rows.next()) {
                assertThat(rows.getInt(1)).isEqualTo(1);
                assertThat(rows.getString(2)).endsWith("\n").hasLineCount(1);
                lines.add(rows.getString(2).strip());
            }
        }
        assertThat(lines).containsExactly(
                "{\"width\":0.25,\"count\":3,\"species\":\"setosa\"}",
                "{\"count\":7,\"species\":\"say \\\"hi\\\"\"}",
                "{\"count\":1,\"species\":\"virginica\"}");
        assertThat(JSON.readValue(lines.get(1), Map.class)).containsEntry("species", "say \"hi\"");
        assertThat(tableExists("open_record")).isFalse();
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement query = c.createStatement();
                ResultSet rows = query.executeQuery("select count(*) from information_schema.tables where "
                        + "table_schema = '" + SCHEMA + "' and table_name = '" + table + "'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }
}
