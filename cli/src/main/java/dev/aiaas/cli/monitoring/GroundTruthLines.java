package dev.aiaas.cli.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A JSON lines file of ground truth, one request a line: {@code {"request_id": "r1", "labels":
 * ["Adelie"]}} or {@code {"request_id": "r2", "values": [3.5]}}, optionally {@code "observed_at"}
 * (ISO-8601). Read whole before anything is sent, so that a bad line stops the command with
 * nothing recorded; blank lines are skipped.
 */
final class GroundTruthLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("request_id", "labels", "values", "observed_at");
    private static final String SHAPE = "a line is {\"request_id\": ID, \"labels\": [\"...\"]} or "
            + "{\"request_id\": ID, \"values\": [1.5]}";

    /** One item of the file and the line (from 1) it was read from. */
    record Item(GroundTruth truth, long line) {
    }

    private GroundTruthLines() {
    }

    /** Every line of {@code file} as ground truth of {@code endpoint}; a usage error names the first bad line. */
    static List<Item> read(Path file, String endpoint) throws IOException {
        List<Item> items = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    items.add(new Item(parse(line, endpoint, file, number), number));
                }
            }
        }
        if (items.isEmpty()) {
            throw CommandFailure.usage(file + " holds no ground truth: " + SHAPE);
        }
        return items;
    }

    private static GroundTruth parse(String line, String endpoint, Path file, long number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw bad(file, number, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw bad(file, number, "not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw bad(file, number, "unknown field '" + name + "'");
            }
        }
        JsonNode id = node.get("request_id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw bad(file, number, "no request_id (the text serving answered the request with)");
        }
        GroundTruth.Builder truth = GroundTruth.newBuilder().setEndpoint(endpoint).setRequestId(id.asText());
        boolean labels = node.has("labels");
        if (labels == node.has("values")) {
            throw bad(file, number, labels ? "both labels and values" : "neither labels nor values");
        }
        JsonNode list = node.get(labels ? "labels" : "values");
        if (!list.isArray() || list.isEmpty()) {
            throw bad(file, number, (labels ? "labels" : "values") + " is not a non-empty array");
        }
        for (JsonNode element : list) {
            if (labels && (element.isTextual() || element.isIntegralNumber())) {
                truth.addLabels(element.asText());
            } else if (!labels && element.isNumber() && Double.isFinite(element.asDouble())) {
                truth.addValues(element.asDouble());
            } else {
                throw bad(file, number, (labels ? "a label is text, not " : "a value is a finite number, not ") + element);
            }
        }
        JsonNode observed = node.get("observed_at");
        if (observed != null && !observed.isNull()) {
            try {
                truth.setObservedAt(TimeRange.timestamp(Instant.parse(observed.asText())));
            } catch (java.time.format.DateTimeParseException e) {
                throw bad(file, number, "observed_at " + observed + " is not an ISO-8601 instant (2026-12-01T09:00:00Z)");
            }
        }
        return truth.build();
    }

    private static CommandFailure bad(Path file, long number, String what) {
        return CommandFailure.usage(file + " line " + number + ": " + what + "; " + SHAPE + "; nothing was sent");
    }
}
