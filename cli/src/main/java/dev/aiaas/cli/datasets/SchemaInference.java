package dev.aiaas.cli.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.files.CsvRecords;
import dev.aiaas.cli.files.DataFormat;
import dev.aiaas.proto.common.v1.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A schema guessed from a file's first rows: a CSV file's header names the columns, a JSON
 * lines file's keys do; each column gets the narrowest type its values fit ({@link ColumnGuess})
 * and is nullable when a sampled row leaves it empty. Rows after the sample are not read: a
 * later row that does not fit is rejected at import, with its reason.
 */
public final class SchemaInference {

    /** Rows read when no other number is asked for. */
    public static final int DEFAULT_SAMPLE = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was inferred, and from how many rows. */
    public record Inferred(Schema schema, int rowsRead) {
    }

    private SchemaInference() {
    }

    /** Infers from a CSV or JSON lines file (image records carry no names to infer from). */
    public static Inferred fromFile(Path file, DataFormat format, int sampleRows) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DataFormat.unzipped(file, Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return switch (format) {
                case CSV -> fromCsv(in, sampleRows);
                case JSONL -> fromJsonLines(in, sampleRows);
                case IMAGE_RECORDS -> throw CommandFailure.usage("a schema cannot be inferred from image records: "
                        + "declare it with --column image:image_u8(28x28) --column label:int64");
            };
        }
    }

    static Inferred fromCsv(Reader reader, int sampleRows) throws IOException {
        CsvRecords records = new CsvRecords(reader instanceof BufferedReader b ? b : new BufferedReader(reader));
        List<String> header = records.next().orElseThrow(() -> new IOException("the CSV file is empty: its first "
                + "line must name the columns"));
        List<ColumnGuess> guesses = header.stream().map(name -> new ColumnGuess(name.strip())).toList();
        int rows = 0;
        Optional<List<String>> record;
        while (rows < sampleRows && (record = records.next()).isPresent()) {
            List<String> fields = record.get();
            if (fields.size() != header.size()) {
                continue; // ingest rejects such a row on its own; it says nothing about types
            }
            for (int c = 0; c < fields.size(); c++) {
                guesses.get(c).text(fields.get(c));
            }
            rows++;
        }
        return new Inferred(schema(guesses), rows);
    }

    static Inferred fromJsonLines(Reader reader, int sampleRows) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Map<String, ColumnGuess> guesses = new LinkedHashMap<>();
        int rows = 0;
        String line;
        while (rows < sampleRows && (line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode object = JSON.readTree(line);
            if (!object.isObject()) {
                throw new IOException("JSON lines row " + (rows + 1) + " is not an object: " + abbreviated(line));
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                ColumnGuess guess = guesses.get(field.getKey());
                if (guess == null) {
                    guess = new ColumnGuess(field.getKey());
                    if (rows > 0) {
                        guess.missing(); // the rows before lacked it
                    }
                    guesses.put(field.getKey(), guess);
                }
                observe(guess, field.getValue(), rows);
            }
            for (Map.Entry<String, ColumnGuess> known : guesses.entrySet()) {
                if (!object.has(known.getKey())) {
                    known.getValue().missing();
                }
            }
            rows++;
        }
        if (guesses.isEmpty()) {
            throw new IOException("the JSON lines file has no rows to infer a schema from");
        }
        return new Inferred(schema(new ArrayList<>(guesses.values())), rows);
    }

    private static void observe(ColumnGuess guess, JsonNode value, int row) throws IOException {
        if (value.isNull()) {
            guess.missing();
        } else if (value.isIntegralNumber()) {
            guess.whole();
        } else if (value.isNumber()) {
            guess.number();
        } else if (value.isBoolean()) {
            guess.bool();
        } else if (value.isTextual()) {
            guess.string();
        } else {
            throw CommandFailure.usage("row " + (row + 1) + " holds " + value.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " values: their type cannot be inferred; declare the schema with --column");
        }
    }

    private static Schema schema(List<ColumnGuess> guesses) {
        Schema.Builder schema = Schema.newBuilder();
        for (ColumnGuess guess : guesses) {
            schema.addColumns(guess.column());
        }
        return schema.build();
    }

    private static String abbreviated(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "…";
    }
}
