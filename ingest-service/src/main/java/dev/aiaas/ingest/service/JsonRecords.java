package dev.aiaas.ingest.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object as a raw record: numbers, text, booleans and nulls as Java values, arrays
 * (pixels of an image) as lists, objects as maps. Shared by JSON lines files and JSON records
 * from Kafka. Read token by token, with no tree in between: it runs for every record taken.
 */
public final class JsonRecords {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonRecords() {
    }

    /**
     * Reads one JSON object, its fields as raw values for {@link RecordValidator}.
     *
     * @throws IllegalArgumentException saying why it is not a JSON object
     */
    public static Map<String, Object> readObject(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return readObject(parser);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /** As {@link #readObject(byte[])}, from text. */
    public static Map<String, Object> readObject(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return readObject(parser);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new IllegalArgumentException("not JSON (it is empty)");
        }
        if (first != JsonToken.START_OBJECT) {
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("not JSON (more follows its first value)");
            }
            throw new IllegalArgumentException("JSON but not an object: write {\"column\": value, ...}");
        }
        Map<String, Object> object = object(parser);
        if (parser.nextToken() != null) {
            throw new IllegalArgumentException("not JSON (more follows the object)");
        }
        return object;
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            fields.put(name, value(parser, parser.nextToken()));
        }
        return fields;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getText() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case START_ARRAY -> array(parser);
            case START_OBJECT -> object(parser);
            default -> throw new IllegalArgumentException("not JSON (unexpected " + token + ")");
        };
    }

    private static List<Object> array(JsonParser parser) throws IOException {
        List<Object> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(value(parser, token));
        }
        return items;
    }

    private static IllegalArgumentException notJson(IOException e) {
        String text = e.getMessage() == null ? "unreadable" : e.getMessage();
        int end = text.indexOf('\n');
        return new IllegalArgumentException("not JSON (" + (end < 0 ? text : text.substring(0, end)) + ")");
    }
}
