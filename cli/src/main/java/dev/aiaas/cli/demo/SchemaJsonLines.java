package dev.aiaas.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A JSON lines file as ingest takes it for a schema: ingest refuses a record with a key outside
 * the schema, so each object keeps only the schema's columns (a bundled file's {@code id}, say,
 * is left out), written back one object per line. Read line by line as ingest takes the bytes, so
 * a large file never sits in memory; a line that is not a JSON object is passed on as it is, for
 * ingest to refuse with its line number.
 */
public final class SchemaJsonLines extends LineStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader lines;
    private final Set<String> columns;

    /** The objects of {@code jsonLines} kept to {@code columns}. */
    public SchemaJsonLines(InputStream jsonLines, Set<String> columns) {
        this.lines = new BufferedReader(new InputStreamReader(jsonLines, StandardCharsets.UTF_8));
        this.columns = Set.copyOf(columns);
    }

    /** One line of JSON kept to {@code columns}, with its line break; blank lines and non-objects as they are. */
    static String keep(String line, Set<String> columns) {
        if (line.isBlank()) {
            return line + "\n";
        }
        JsonNode object;
        try {
            object = JSON.readTree(line);
        } catch (IOException e) {
            return line + "\n";
        }
        if (!(object instanceof ObjectNode fields)) {
            return line + "\n";
        }
        fields.retain(columns);
        return fields + "\n";
    }

    /** The next line kept to the columns; blank lines are passed on (ingest skips them). */
    @Override
    protected byte[] nextLine() throws IOException {
        String line = lines.readLine();
        return line == null ? null : keep(line, columns).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
