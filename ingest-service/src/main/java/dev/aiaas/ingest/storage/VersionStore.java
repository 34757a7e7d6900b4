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

/** Sealed dataset versions in PostgreSQL. Runs inside the caller's transaction. */
@ApplicationScoped
public class VersionStore {

    private static final TypeReference<List<VersionPart>> PARTS = new TypeReference<>() { };
    private static final String SELECT = "select v.dataset, v.version, v.row_count, v.sha256, v.manifest_key, v.manifest_sha256, "
            + "v.parts, v.created_at, d.schema_json from dataset_version v join dataset d on d.name = v.dataset";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    public void insert(DatasetVersion version) throws SQLException {
        String sql = "insert into dataset_version (dataset, version, row_count, sha256, manifest_key, manifest_sha256, parts, "
                + "created_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, version.dataset());
            insert.setLong(2, version.version());
            insert.setLong(3, version.rowCount());
            insert.setString(4, version.sha256());
            insert.setString(5, version.manifestKey());
            insert.setString(6, version.manifestSha256());
            insert.setString(7, write(version.parts()));
            insert.setTimestamp(8, Timestamp.from(version.createdAt()));
            insert.executeUpdate();
        }
    }

    public Optional<DatasetVersion> find(String dataset, long version) throws SQLException {
        String sql = SELECT + " where v.dataset = ? and v.version = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, dataset);
            query.setLong(2, version);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** A dataset's versions, newest first. */
    public List<DatasetVersion> list(String dataset) throws SQLException {
        List<DatasetVersion> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(SELECT + " where v.dataset = ? order by v.version desc")) {
            query.setString(1, dataset);
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
            return new DatasetVersion(name, row.getLong("version"), row.getLong("row_count"), row.getString("sha256"),
                    row.getString("manifest_key"), row.getString("manifest_sha256"),
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
