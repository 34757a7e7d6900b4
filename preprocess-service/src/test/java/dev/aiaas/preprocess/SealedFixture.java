package dev.aiaas.preprocess;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a sealed dataset version of the real Iris data in the format ingest seals it
 * (docs/architecture.md, "Data formats"): one JSON-lines part and the manifest.
 */
final class SealedFixture {

    static final Path IRIS = Files.exists(Path.of("../datasets/iris.csv"))
            ? Path.of("../datasets/iris.csv") : Path.of("../../shared/datasets/iris.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedFixture() {
    }

    /** Seals iris.csv as {@code dataset} v{@code version}; returns the row count. */
    static int sealIris(ArtifactStore store, String dataset, long version) throws IOException {
        List<String> lines = Files.readAllLines(IRIS);
        String[] header = lines.get(0).split(",");
        StringBuilder part = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                record.put(header[i], i < 4 ? (Object) Double.parseDouble(fields[i]) : fields[i]);
            }
            part.append(JSON.writeValueAsString(record)).append('\n');
        }
        String prefix = "datasets/" + dataset + "/v" + version + "/";
        StoredArtifact stored = store.put(prefix + "part-00000.jsonl",
                part.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        int rows = lines.size() - 1;
        Map<String, Object> manifest = Map.of(
                "dataset", dataset,
                "version", version,
                "rowCount", rows,
                "sha256", stored.sha256(),
                "schema", Map.of("labelColumn", "species", "columns", List.of(
                        column("sepal_length", "DOUBLE"), column("sepal_width", "DOUBLE"),
                        column("petal_length", "DOUBLE"), column("petal_width", "DOUBLE"),
                        column("species", "STRING"))),
                "parts", List.of(Map.of("key", stored.key(), "sha256", stored.sha256(),
                        "sizeBytes", stored.size(), "rows", rows)));
        store.put(prefix + "manifest.json", JSON.writeValueAsBytes(manifest), "application/json");
        return rows;
    }

    private static Map<String, Object> column(String name, String kind) {
        return Map.of("name", name, "kind", kind, "nullable", false, "shape", List.of());
    }
}
