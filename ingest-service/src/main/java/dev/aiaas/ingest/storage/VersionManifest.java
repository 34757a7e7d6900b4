package dev.aiaas.ingest.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiaas.ingest.model.ColumnSpec;
import dev.aiaas.ingest.model.DatasetSchema;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.ingest.model.VersionPart;
import dev.aiaas.storage.ArtifactDigest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A dataset version's {@code manifest.json}, in the form docs/architecture.md fixes for every
 * reader of dataset versions: {@code dataset, version, rowCount, sha256, schema {columns
 * [{name, kind, nullable, shape}], labelColumn}, parts [{key, sha256, sizeBytes, rows}],
 * createdAt}.
 */
@ApplicationScoped
public class VersionManifest {

    public static final String FILE_NAME = "manifest.json";

    @Inject
    ObjectMapper json;

    @Inject
    ArtifactStore store;

    /** Where a version's objects live: {@code datasets/{name}/v{n}/}. */
    public static String prefix(String dataset, long version) {
        return "datasets/" + dataset + "/v" + version + "/";
    }

    /** The version's digest: SHA-256 of its parts' SHA-256 hex strings, concatenated in order. */
    public static String digest(List<VersionPart> parts) {
        StringBuilder concatenated = new StringBuilder();
        parts.forEach(part -> concatenated.append(part.sha256()));
        return ArtifactDigest.sha256Hex(concatenated.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Stores the manifest under the version's {@code manifestKey}. */
    public StoredArtifact write(DatasetVersion version) {
        return store.put(version.manifestKey(), render(version), "application/json");
    }

    byte[] render(DatasetVersion version) {
        ObjectNode manifest = json.createObjectNode()
                .put("dataset", version.dataset())
                .put("version", version.version())
                .put("rowCount", version.rowCount())
                .put("sha256", version.sha256());
        manifest.set("schema", schema(version.schema()));
        ArrayNode parts = manifest.putArray("parts");
        for (VersionPart part : version.parts()) {
            parts.addObject().put("key", part.key()).put("sha256", part.sha256())
                    .put("sizeBytes", part.sizeBytes()).put("rows", part.rows());
        }
        manifest.put("createdAt", version.createdAt().toString());
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the manifest of " + version.manifestKey(), e);
        }
    }

    private ObjectNode schema(DatasetSchema schema) {
        ObjectNode node = json.createObjectNode();
        ArrayNode columns = node.putArray("columns");
        for (ColumnSpec column : schema.columns()) {
            ArrayNode shape = columns.addObject().put("name", column.name()).put("kind", column.kind().name())
                    .put("nullable", column.nullable()).putArray("shape");
            for (int dimension : column.shape()) {
                shape.add(dimension);
            }
        }
        node.put("labelColumn", schema.labelColumn());
        return node;
    }
}
