package dev.aiaas.registry.storage;

import dev.aiaas.registry.model.ArtifactEntry;
import dev.aiaas.registry.model.Lineage;
import dev.aiaas.registry.model.ModelVersion;
import dev.aiaas.registry.model.NewModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Model versions and their artifacts in PostgreSQL, under the model of one project: every query
 * names the project. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class VersionStore {

    private static final String COLUMNS = "model_name, version, family, description, tags, signature, metrics, "
            + "dataset, dataset_version, pipeline, training_job_id, code_version, created_at";

    @Inject
    DataSource dataSource;

    @Inject
    AliasStore aliases;

    public void insert(String project, NewModelVersion spec, long version) throws SQLException {
        String sql = "insert into model_version (project, model_name, version, family, description, tags, signature, "
                + "metrics, dataset, dataset_version, pipeline, training_job_id, code_version) "
                + "values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)";
        Lineage lineage = spec.lineage();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, project);
            insert.setString(2, spec.modelName());
            insert.setLong(3, version);
            insert.setString(4, spec.family());
            insert.setString(5, spec.description());
            insert.setString(6, JsonColumns.write(spec.tags()));
            insert.setString(7, spec.signatureJson());
            insert.setString(8, JsonColumns.write(spec.metrics()));
            insert.setString(9, lineage.dataset());
            insert.setLong(10, lineage.datasetVersion());
            insert.setString(11, lineage.pipeline());
            insert.setString(12, lineage.trainingJobId());
            insert.setString(13, lineage.codeVersion());
            insert.executeUpdate();
            insertArtifacts(c, project, spec.modelName(), version, spec.artifacts());
        }
    }

    /** Records the artifacts' object keys as the caller (training) gave them. */
    private void insertArtifacts(Connection c, String project, String model, long version, List<ArtifactEntry> artifacts)
            throws SQLException {
        String sql = "insert into model_artifact (project, model_name, version, role, object_key, sha256, size_bytes) "
                + "values (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (ArtifactEntry artifact : artifacts) {
                insert.setString(1, project);
                insert.setString(2, model);
                insert.setLong(3, version);
                insert.setString(4, artifact.role());
                insert.setString(5, artifact.key());
                insert.setString(6, artifact.sha256());
                insert.setLong(7, artifact.sizeBytes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public Optional<ModelVersion> find(String project, String model, long version) throws SQLException {
        String sql = "select " + COLUMNS + " from model_version where project = ? and model_name = ? and version = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, model);
            query.setLong(3, version);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(c, project, row, aliases.aliasesOf(project, model)))
                        : Optional.empty();
            }
        }
    }

    /** The version a training job registered, if it did. */
    public Optional<ModelVersion> findByTrainingJob(String project, String model, String trainingJobId)
            throws SQLException {
        String sql = "select " + COLUMNS + " from model_version "
                + "where project = ? and model_name = ? and training_job_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, model);
            query.setString(3, trainingJobId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(c, project, row, aliases.aliasesOf(project, model)))
                        : Optional.empty();
            }
        }
    }

    /** A model's versions, newest first. */
    public List<ModelVersion> list(String project, String model, int limit) throws SQLException {
        String sql = "select " + COLUMNS + " from model_version where project = ? and model_name = ? "
                + "order by version desc limit ?";
        List<ModelVersion> versions = new ArrayList<>();
        Map<String, Long> current = aliases.aliasesOf(project, model);
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, model);
            query.setInt(3, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    versions.add(read(c, project, row, current));
                }
            }
        }
        return versions;
    }

    /** Sets one tag of a version; true when the version exists. */
    public boolean setTag(String project, String model, long version, String key, String value) throws SQLException {
        String sql = "update model_version set tags = tags || jsonb_build_object(?::text, ?::text) "
                + "where project = ? and model_name = ? and version = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, key);
            update.setString(2, value);
            update.setString(3, project);
            update.setString(4, model);
            update.setLong(5, version);
            return update.executeUpdate() == 1;
        }
    }

    /** One version row; {@code current} holds the model's aliases, read once per query. */
    private ModelVersion read(Connection c, String project, ResultSet row, Map<String, Long> current)
            throws SQLException {
        String model = row.getString("model_name");
        long version = row.getLong("version");
        List<String> pointing = current.entrySet().stream()
                .filter(e -> e.getValue() == version).map(Map.Entry::getKey).toList();
        return new ModelVersion(
                model,
                version,
                row.getString("family"),
                row.getString("description"),
                JsonColumns.strings(row.getString("tags")),
                row.getString("signature"),
                JsonColumns.numbers(row.getString("metrics")),
                new Lineage(row.getString("dataset"), row.getLong("dataset_version"), row.getString("pipeline"),
                        row.getString("training_job_id"), row.getString("code_version")),
                artifacts(c, project, model, version),
                pointing,
                row.getTimestamp("created_at").toInstant());
    }

    private List<ArtifactEntry> artifacts(Connection c, String project, String model, long version)
            throws SQLException {
        String sql = "select role, object_key, sha256, size_bytes from model_artifact "
                + "where project = ? and model_name = ? and version = ? order by role";
        List<ArtifactEntry> artifacts = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, model);
            query.setLong(3, version);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    artifacts.add(new ArtifactEntry(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)));
                }
            }
        }
        return artifacts;
    }
}
