package dev.aiaas.ingest.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.ingest.model.DatasetSchema;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.ingest.model.VersionPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sealed dataset versions in PostgreSQL, each in its dataset's project: every read names the
 * project. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class VersionStore {

    private static final TypeReference<List<VersionPart>> PARTS = new TypeReference<>() { };
    private static final String SELECT = "select v.project, v.dataset, v.version, v.row_count, v.sha256, "
            + "v.manifest_key, v.manifest_sha256, v.parts, v.created_at, d.schema_json from dataset_version v "
            + "join dataset d on d.project = v.project and d.name = v.dataset where v.project = ? and v.dataset = ?";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    public void insert(DatasetVersion version) throws SQLException {
        String sql = "insert into dataset_version (project, dataset, version, row_count, sha256, manifest_key, "
                + "manifest_sha256, parts, created_at) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, version.project());
            insert.setString(2, version.dataset());
            insert.setLong(3, version.version());
            insert.setLong(4, version.rowCount());
            insert.setString(5, version.sha256());
            insert.setString(6, version.manifestKey());
            insert.setString(7, version.manifestSha256());
            insert.setString(8, write(version.parts()));
            insert.setTimestamp(9, Timestamp.from(version.createdAt()));
            insert.executeUpdate();
        }
    }

    /** The project's dataset's version; empty when the project has no such dataset or version. */
    public Optional<DatasetVersion> find(String project, String dataset, long version) throws SQLException {
        String sql = SELECT + " and v.version = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, dataset);
            query.setLong(3, version);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** A dataset's versions, newest first. */
    public List<DatasetVersion> list(String project, String dataset) throws SQLException {
        List<DatasetVersion> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(SELECT + " order by v.version desc")) {
            query.setString(1, project);
            query.setString(2, dataset);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    versions.add(read(row));
                }
            }
        }
        return versions;
    }

    private DatasetVersion read(ResultSet row) throws SQLException {
        String name = row.getString("dataset");
        try {
            return new DatasetVersion(row.getString("project"), name, row.getLong("version"), row.getLong("row_count"),
                    row.getString("sha256"), row.getString("manifest_key"), row.getString("manifest_sha256"),
                    json.readValue(row.getString("parts"), PARTS),
                    json.readValue(row.getString("schema_json"), DatasetSchema.class),
                    row.getTimestamp("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored version " + row.getLong("version") + " of " + name + " is unreadable", e);
        }
    }

    private String write(List<VersionPart> parts) {
        try {
            return json.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the parts of a version", e);
        }
    }
}
