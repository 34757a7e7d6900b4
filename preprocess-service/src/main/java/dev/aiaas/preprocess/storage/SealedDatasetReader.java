package dev.aiaas.preprocess.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.RecordTableBuilder;
import dev.aiaas.preprocess.model.SealedDataset;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a sealed dataset version (manifest + JSON-lines parts, each verified by its
 * SHA-256) into a table, mapping the ingest schema's column types to table kinds.
 */
@ApplicationScoped
public class SealedDatasetReader {

    @Inject
    ArtifactStore store;

    @Inject
    ObjectMapper json;

    public static String manifestKey(String dataset, long version) {
        return "datasets/" + dataset + "/v" + version + "/manifest.json";
    }

    public SealedDataset read(String dataset, long version) {
        String key = manifestKey(dataset, version);
        StoredArtifact stored = store.stat(key).orElseThrow(() -> DomainException.notFound(
                "dataset " + dataset + " has no sealed version " + version + ": seal it with SealVersion first"));
        JsonNode manifest = parse(store.readAllVerified(key, stored.sha256()));
        JsonNode schema = manifest.path("schema");
        List<ColumnSpec> specs = new ArrayList<>();
        Map<String, String> imageColumns = new HashMap<>();
        for (JsonNode column : schema.path("columns")) {
            ColumnSpec spec = toSpec(column);
            specs.add(spec);
            if ("IMAGE_U8".equals(column.path("kind").asText())) {
                imageColumns.put(spec.name(), spec.name());
            }
        }
        String label = schema.path("labelColumn").asText("");
        RecordTableBuilder table = new RecordTableBuilder(specs, label.isEmpty() ? null : label);
        for (JsonNode part : manifest.path("parts")) {
            readPart(part, imageColumns, table);
        }
        return new SealedDataset(dataset, version, manifest.path("sha256").asText(), table.build());
    }

    private void readPart(JsonNode part, Map<String, String> imageColumns, RecordTableBuilder table) {
        String key = part.path("key").asText();
        try (var lines = new BufferedReader(new InputStreamReader(
                store.getVerified(key, part.path("sha256").asText()), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    table.add(record(json.readTree(line), imageColumns));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read dataset part " + key, e);
        }
    }

    private static Map<String, Object> record(JsonNode line, Map<String, String> imageColumns) {
        Map<String, Object> values = new HashMap<>();
        line.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            Object converted = value.isNull() ? null
                    : imageColumns.containsKey(field.getKey()) ? Base64.getDecoder().decode(value.asText())
                    : value.isNumber() ? (Object) value.asDouble()
                    : value.isBoolean() ? (Object) value.asBoolean()
                    : value.asText();
            values.put(field.getKey(), converted);
        });
        return values;
    }

    private static ColumnSpec toSpec(JsonNode column) {
        String name = column.path("name").asText();
        return switch (column.path("kind").asText()) {
            case "DOUBLE", "INT64", "BOOL" -> ColumnSpec.numeric(name);
            case "STRING" -> ColumnSpec.categorical(name);
            case "IMAGE_U8" -> {
                int[] shape = new int[column.path("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = column.path("shape").get(i).asInt();
                }
                yield ColumnSpec.image(name, shape);
            }
            default -> throw new IllegalStateException("manifest names an unknown column kind for " + name);
        };
    }

    private JsonNode parse(byte[] content) {
        try {
            return json.readTree(content);
        } catch (IOException e) {
            throw new IllegalStateException("dataset manifest is not valid JSON", e);
        }
    }
}
