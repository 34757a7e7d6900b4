package dev.aiaas.cli.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiaas.cli.files.CsvRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows to predict, read from a CSV file (cells as text) or a JSON lines file (typed values). */
public final class RowFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RowFiles() {
    }

    /** At most {@code limit} rows of a CSV file with a header row. */
    public static List<Map<String, JsonNode>> csv(Path file, int limit) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(in);
            List<String> header = records.next().orElseThrow(() -> new IOException(file + " is empty: its first line "
                    + "must name the columns"));
            List<Map<String, JsonNode>> rows = new ArrayList<>();
            Optional<List<String>> record;
            while (rows.size() < limit && (record = records.next()).isPresent()) {
                List<String> fields = record.get();
                if (fields.size() != header.size()) {
                    throw new IOException(file + ": row " + (rows.size() + 1) + " has " + fields.size()
                            + " fields, but the header names " + header.size() + " columns");
                }
                Map<String, JsonNode> row = new HashMap<>();
                for (int c = 0; c < fields.size(); c++) {
                    row.put(header.get(c).strip(), JsonNodeFactory.instance.textNode(fields.get(c)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** At most {@code limit} rows of a JSON lines file, one object per line. */
    public static List<Map<String, JsonNode>> jsonLines(Path file, int limit) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Map<String, JsonNode>> rows = new ArrayList<>();
            String line;
            while (rows.size() < limit && (line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode object = JSON.readTree(line);
                if (!object.isObject()) {
                    throw new IOException(file + ": row " + (rows.size() + 1) + " is not a JSON object");
                }
                Map<String, JsonNode> row = new HashMap<>();
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    row.put(field.getKey(), field.getValue());
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
