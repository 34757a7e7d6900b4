package dev.aiaas.preprocess;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.storage.ArtifactDigest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.ProtoJsonObjects;
import dev.aiaas.storage.StoredArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a sealed dataset version of the real Iris data the way ingest seals it
 * (docs/architecture.md, "Storage contract"): one JSON-lines part and the typed manifest in
 * the folder of one seal attempt, and returns the DatasetVersionSealed event ingest would send
 * once the seal committed.
 */
final class SealedFixture {

    static final Path IRIS = Files.exists(Path.of("../datasets/iris.csv"))
            ? Path.of("../datasets/iris.csv") : Path.of("../../shared/datasets/iris.csv");
    static final Path CARS = Files.exists(Path.of("../datasets/cars.json"))
            ? Path.of("../datasets/cars.json") : Path.of("../../shared/datasets/cars.json");
    static final Path SEATTLE = Files.exists(Path.of("../datasets/seattle-weather.csv"))
            ? Path.of("../datasets/seattle-weather.csv") : Path.of("../../shared/datasets/seattle-weather.csv");
    static final Path SPAM = Files.exists(Path.of("../datasets/spam-assassin-1.jsonl.gz"))
            ? Path.of("../datasets/spam-assassin-1.jsonl.gz") : Path.of("../../shared/datasets/spam-assassin-1.jsonl.gz");
    static final Path FLIGHTS = Files.exists(Path.of("../datasets/flights-20k.json"))
            ? Path.of("../datasets/flights-20k.json") : Path.of("../../shared/datasets/flights-20k.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedFixture() {
    }

    /** Seals iris.csv as {@code dataset} v{@code version} of the default project; the event that announces it. */
    static DatasetVersionSealed sealIris(ArtifactStore store, String dataset, long version) throws IOException {
        return sealIris(store, Projects.DEFAULT, dataset, version);
    }

    /**
     * Seals iris.csv as {@code dataset} v{@code version} of {@code project}, under that project's
     * keys; the event that announces it, its header naming the project.
     */
    static DatasetVersionSealed sealIris(ArtifactStore store, String project, String dataset, long version)
            throws IOException {
        List<String> lines = Files.readAllLines(IRIS);
        String[] header = lines.get(0).split(",");
        StringBuilder part = new StringBuilder();
        int rows = 0;
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
            rows++;
        }
        String folder = ObjectKeys.sealedVersion(project, dataset, version, UUID.randomUUID().toString().substring(0, 8));
        StoredArtifact stored = store.put(ObjectKeys.datasetPart(folder, 0),
                part.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        String sha256 = ArtifactDigest.sha256OfDigests(List.of(stored.sha256()));
        DatasetVersion manifest = DatasetVersion.newBuilder()
                .setDataset(dataset).setVersion(version).setRowCount(rows).setSha256(sha256)
                .setManifestKey(folder + ObjectKeys.DATASET_MANIFEST)
                .setSchema(Schema.newBuilder().setLabelColumn("species")
                        .addColumns(column("sepal_length", ColumnType.DOUBLE))
                        .addColumns(column("sepal_width", ColumnType.DOUBLE))
                        .addColumns(column("petal_length", ColumnType.DOUBLE))
                        .addColumns(column("petal_width", ColumnType.DOUBLE))
                        .addColumns(column("species", ColumnType.STRING)))
                .addParts(ArtifactRef.newBuilder().setRole("part").setKey(stored.key()).setSha256(stored.sha256())
                        .setSizeBytes(stored.size()))
                .build();
        StoredArtifact written = ProtoJsonObjects.write(store, manifest.getManifestKey(), manifest);
        return DatasetVersionSealed.newBuilder().setHeader(EventHeaders.newHeader("test", project)).setDataset(dataset)
                .setVersion(version).setRowCount(rows).setSha256(sha256).setManifestKey(written.key())
                .setManifestSha256(written.sha256()).build();
    }

    /**
     * Seals cars.json as {@code dataset} v1 of the default project, as ingest would store it: Name
     * left out of the schema and the records, the 8 cars without Miles_per_Gallon (the DOUBLE
     * label) refused, Horsepower nullable.
     */
    static DatasetVersionSealed sealCars(ArtifactStore store, String dataset) throws IOException {
        StringBuilder part = new StringBuilder();
        int rows = 0;
        for (var car : JSON.readTree(CARS.toFile())) {
            if (car.get("Miles_per_Gallon").isNull()) {
                continue;
            }
            var record = (com.fasterxml.jackson.databind.node.ObjectNode) car.deepCopy();
            record.remove("Name");
            part.append(JSON.writeValueAsString(record)).append('\n');
            rows++;
        }
        return seal(store, dataset, part.toString(), rows, Schema.newBuilder().setLabelColumn("Miles_per_Gallon")
                .addColumns(column("Miles_per_Gallon", ColumnType.DOUBLE))
                .addColumns(column("Cylinders", ColumnType.INT64))
                .addColumns(column("Displacement", ColumnType.DOUBLE))
                .addColumns(column("Horsepower", ColumnType.INT64).toBuilder().setNullable(true))
                .addColumns(column("Weight_in_lbs", ColumnType.INT64))
                .addColumns(column("Acceleration", ColumnType.DOUBLE))
                .addColumns(column("Year", ColumnType.STRING))
                .addColumns(column("Origin", ColumnType.STRING)));
    }

    /**
     * Seals seattle-weather.csv as {@code dataset} v1 of the default project: {@code date} as
     * ISO text, four DOUBLE measurements, {@code weather} as STRING, {@code temp_max} the label.
     */
    static DatasetVersionSealed sealSeattle(ArtifactStore store, String dataset) throws IOException {
        List<String> lines = Files.readAllLines(SEATTLE);
        String[] header = lines.get(0).split(",");
        StringBuilder part = new StringBuilder();
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                boolean text = header[i].equals("date") || header[i].equals("weather");
                record.put(header[i], text ? fields[i] : (Object) Double.parseDouble(fields[i]));
            }
            part.append(JSON.writeValueAsString(record)).append('\n');
            rows++;
        }
        return seal(store, dataset, part.toString(), rows, Schema.newBuilder().setLabelColumn("temp_max")
                .addColumns(column("date", ColumnType.STRING))
                .addColumns(column("precipitation", ColumnType.DOUBLE))
                .addColumns(column("temp_max", ColumnType.DOUBLE))
                .addColumns(column("temp_min", ColumnType.DOUBLE))
                .addColumns(column("wind", ColumnType.DOUBLE))
                .addColumns(column("weather", ColumnType.STRING)));
    }

    /** Seals the SpamAssassin mails (subject and body STRING, label "ham" or "spam") as {@code dataset} v1. */
    static DatasetVersionSealed sealSpam(ArtifactStore store, String dataset) throws IOException {
        StringBuilder part = new StringBuilder();
        int rows = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(SPAM)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                var mail = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
                mail.remove("id");
                part.append(JSON.writeValueAsString(mail)).append('\n');
                rows++;
            }
        }
        return seal(store, dataset, part.toString(), rows, Schema.newBuilder().setLabelColumn("label")
                .addColumns(column("subject", ColumnType.STRING).toBuilder().setNullable(true))
                .addColumns(column("body", ColumnType.STRING).toBuilder().setNullable(true))
                .addColumns(column("label", ColumnType.STRING)));
    }

    /**
     * Seals flights-20k.json as {@code dataset} v1 of the default project: every flight a record of
     * {@code date}, {@code origin} and {@code destination} (STRING) and {@code delay} and
     * {@code distance} (INT64), with no label column.
     */
    static DatasetVersionSealed sealFlights(ArtifactStore store, String dataset) throws IOException {
        StringBuilder part = new StringBuilder();
        int rows = 0;
        for (var flight : JSON.readTree(FLIGHTS.toFile())) {
            part.append(JSON.writeValueAsString(flight)).append('\n');
            rows++;
        }
        return seal(store, dataset, part.toString(), rows, Schema.newBuilder()
                .addColumns(column("date", ColumnType.STRING))
                .addColumns(column("delay", ColumnType.INT64))
                .addColumns(column("distance", ColumnType.INT64))
                .addColumns(column("origin", ColumnType.STRING))
                .addColumns(column("destination", ColumnType.STRING)));
    }

    /** Stores {@code part} as the one part of {@code dataset} v1 of the default project; the event announcing it. */
    private static DatasetVersionSealed seal(ArtifactStore store, String dataset, String part, int rows,
                                             Schema.Builder schema) {
        String folder = ObjectKeys.sealedVersion(Projects.DEFAULT, dataset, 1, UUID.randomUUID().toString().substring(0, 8));
        StoredArtifact stored = store.put(ObjectKeys.datasetPart(folder, 0), part.getBytes(StandardCharsets.UTF_8),
                "application/x-ndjson");
        String sha256 = ArtifactDigest.sha256OfDigests(List.of(stored.sha256()));
        DatasetVersion manifest = DatasetVersion.newBuilder()
                .setDataset(dataset).setVersion(1).setRowCount(rows).setSha256(sha256)
                .setManifestKey(folder + ObjectKeys.DATASET_MANIFEST)
                .setSchema(schema)
                .addParts(ArtifactRef.newBuilder().setRole("part").setKey(stored.key()).setSha256(stored.sha256())
                        .setSizeBytes(stored.size()))
                .build();
        StoredArtifact written = ProtoJsonObjects.write(store, manifest.getManifestKey(), manifest);
        return DatasetVersionSealed.newBuilder().setHeader(EventHeaders.newHeader("test", Projects.DEFAULT))
                .setDataset(dataset).setVersion(1).setRowCount(rows).setSha256(sha256).setManifestKey(written.key())
                .setManifestSha256(written.sha256()).build();
    }

    private static Column column(String name, ColumnType type) {
        return Column.newBuilder().setName(name).setType(type).build();
    }
}
