package dev.aiaas.registry.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Reads and writes the jsonb columns (tags, metrics) of the registry's tables. */
final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() { };

    private JsonColumns() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a JSON column", e);
        }
    }

    static Map<String, String> strings(String json) {
        return read(json, STRINGS);
    }

    static Map<String, Double> numbers(String json) {
        return read(json, NUMBERS);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds invalid JSON", e);
        }
    }
}
