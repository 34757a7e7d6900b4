package dev.aiaas.ingest.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object as a raw record: numbers, text, booleans and nulls as Java values, arrays
 * (pixels of an image) as lists. Shared by JSON lines files and JSON records from Kafka.
 */
public final class JsonRecords {

    private static final ObjectReader READER = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRecords() {
    }

    /**
     * Parses one JSON document.
     *
     * @throws IllegalArgumentException saying why it is not JSON
     */
    public static JsonNode parse(String text) {
        try {
            return READER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** The object's fields as raw values, for {@link RecordValidator}. */
    public static Map<String, Object> toRaw(ObjectNode object) {
        Map<String, Object> raw = new HashMap<>();
        object.fields().forEachRemaining(field -> raw.put(field.getKey(), value(field.getValue())));
        return raw;
    }

    private static Object value(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(value(item)));
            return items;
        }
        return toRaw((ObjectNode) node);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
