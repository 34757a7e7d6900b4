package dev.aiaas.cli.demo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A file holding one JSON array of objects (as the bundled flights) as the JSON lines ingest
 * imports: each element on its own line, an object kept to the schema's columns (ingest refuses
 * keys outside the schema). The array is parsed element by element as ingest takes the bytes, so
 * the file never sits in memory whole; an element that is not an object is passed on as its JSON,
 * for ingest to refuse with its line number.
 */
public final class JsonArrayLines extends LineStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private final Set<String> columns;
    private JsonParser parser;

    /** The elements of the array {@code jsonArray} holds, objects kept to {@code columns}. */
    public JsonArrayLines(InputStream jsonArray, Set<String> columns) {
        this.in = jsonArray;
        this.columns = Set.copyOf(columns);
    }

    /** The array's next element as a line, the array being opened on the first call. */
    @Override
    protected byte[] nextLine() throws IOException {
        if (parser == null) {
            parser = JSON.getFactory().createParser(in);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("the file is not a JSON array: it must start with [");
            }
        }
        JsonToken next = parser.nextToken();
        if (next == null || next == JsonToken.END_ARRAY) {
            return null;
        }
        JsonNode element = JSON.readTree(parser);
        if (element instanceof ObjectNode object) {
            object.retain(columns);
        }
        return (element + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        in.close();
    }
}
