package dev.aiaas.bench.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Iris-like records for {@code aiaas.ingest.records}: the rows of datasets/iris.csv over and
 * over, each value the JSON object of one row's fields ({@code {"sepal_length":5.1,…,
 * "species":"setosa"}}), the key the dataset's name: the form a plain Kafka producer sends.
 */
final class IrisRecords {

    private final List<byte[]> values;

    private IrisRecords(List<byte[]> values) {
        this.values = List.copyOf(values);
    }

    /** Reads the CSV: a header row of column names, then numbers and the species last. */
    static IrisRecords read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            throw new IOException(csv + " has no rows: the ingest benchmark sends the rows of the bundled iris.csv");
        }
        String[] columns = lines.get(0).split(",");
        ObjectMapper json = new ObjectMapper();
        List<byte[]> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            ObjectNode fields = json.createObjectNode();
            for (int i = 0; i < columns.length - 1; i++) {
                fields.put(columns[i], Double.parseDouble(cells[i]));
            }
            fields.put(columns[columns.length - 1], cells[columns.length - 1]);
            values.add(json.writeValueAsBytes(fields));
        }
        return new IrisRecords(values);
    }

    /** The value of record {@code index} (the rows repeat). */
    byte[] value(int index) {
        return values.get(index % values.size());
    }

    /** Mean bytes of key and value over the first {@code count} records, rounded: the size the baseline sends. */
    int meanRecordBytes(String key, int count) {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += value(i).length;
        }
        return Math.toIntExact(Math.round(key.getBytes(StandardCharsets.UTF_8).length + (double) bytes / count));
    }
}
