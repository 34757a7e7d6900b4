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
public final class SchemaJsonLines extends InputStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader lines;
    private final Set<String> columns;
    private byte[] pending = new byte[0];
    private int position;

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

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return pending[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < length && fill()) {
            int n = Math.min(length - copied, pending.length - position);
            System.arraycopy(pending, position, buffer, offset + copied, n);
            position += n;
            copied += n;
        }
        return copied == 0 ? -1 : copied;
    }

    /** Whether bytes are left to read, reading the next line when the last is used up. */
    private boolean fill() throws IOException {
        while (position == pending.length) {
            String line = lines.readLine();
            if (line == null) {
                return false;
            }
            pending = keep(line, columns).getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
