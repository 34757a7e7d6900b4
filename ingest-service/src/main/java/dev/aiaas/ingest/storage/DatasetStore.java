package dev.aiaas.ingest.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.ingest.model.AutoSealLimits;
import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.DatasetSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Datasets and their schemas in PostgreSQL, each in its project: every read names the project
 * and sees that project's datasets only. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class DatasetStore {

    private static final String COLUMNS = "d.project, d.name, d.description, d.schema_json, d.latest_version, "
            + "d.created_at, d.auto_seal_max_open_rows, d.auto_seal_max_age_seconds";

    private static final String SELECT = "select " + COLUMNS + ", "
            + OpenRecordStore.countSql("d.project", "d.name") + " as open_rows from dataset d where d.project = ?";

    private static final String SELECT_LOCKED = "select " + COLUMNS + ", 0 as open_rows from dataset d "
            + "where d.project = ? and d.name = ? for no key update";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Inserts the dataset unless the name is taken in the project (a dataset that exists keeps
     * its own schema and limits); true when this call created it.
     */
    public boolean insertIfMissing(String project, String name, String description, DatasetSchema schema,
            AutoSealLimits autoSeal) throws SQLException {
        String sql = "insert into dataset (project, name, description, schema_json, auto_seal_max_open_rows, "
                + "auto_seal_max_age_seconds) values (?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, project);
            insert.setString(2, name);
            insert.setString(3, description);
            insert.setString(4, write(schema));
            insert.setLong(5, autoSeal.maxOpenRows());
            insert.setLong(6, autoSeal.maxAgeSeconds());
            return insert.executeUpdate() == 1;
        }
    }

    /** Replaces the dataset's auto-seal limits; false when the project has no dataset of that name. */
    public boolean setAutoSeal(String project, String name, AutoSealLimits autoSeal) throws SQLException {
        String sql = "update dataset set auto_seal_max_open_rows = ?, auto_seal_max_age_seconds = ? "
                + "where project = ? and name = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setLong(1, autoSeal.maxOpenRows());
            update.setLong(2, autoSeal.maxAgeSeconds());
            update.setString(3, project);
            update.setString(4, name);
            return update.executeUpdate() == 1;
        }
    }

    /** The project's dataset of that name; empty when the project has none (whatever other projects have). */
    public Optional<Dataset> find(String project, String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(SELECT + " and d.name = ?")) {
            query.setString(1, project);
            query.setString(2, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /**
     * Reads the dataset and locks its row until the transaction ends, so that concurrent seals
     * take turns and each sees the version number the one before it took. The lock does not
     * conflict with the foreign-key checks of records being inserted meanwhile.
     * Its {@code openRows} is not counted (0); its auto-seal limits are as committed last.
     */
    public Optional<Dataset> lockForSeal(String project, String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(SELECT_LOCKED)) {
            query.setString(1, project);
            query.setString(2, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    public void setLatestVersion(String project, String name, long version) throws SQLException {
        String sql = "update dataset set latest_version = ? where project = ? and name = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setLong(1, version);
            update.setString(2, project);
            update.setString(3, name);
            update.executeUpdate();
        }
    }

    /** The project's datasets, by name. */
    public List<Dataset> list(String project) throws SQLException {
        List<Dataset> datasets = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(SELECT + " order by d.name")) {
            query.setString(1, project);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    datasets.add(read(row));
                }
            }
        }
        return datasets;
    }

    private Dataset read(ResultSet row) throws SQLException {
        try {
            return new Dataset(row.getString("project"), row.getString("name"), row.getString("description"),
                    json.readValue(row.getString("schema_json"), DatasetSchema.class),
                    row.getLong("open_rows"), row.getLong("latest_version"), row.getTimestamp("created_at").toInstant(),
                    new AutoSealLimits(row.getLong("auto_seal_max_open_rows"), row.getLong("auto_seal_max_age_seconds")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored schema of dataset " + row.getString("name") + " is unreadable", e);
        }
    }

    private String write(DatasetSchema schema) {
        try {
            return json.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a schema", e);
        }
    }
}
