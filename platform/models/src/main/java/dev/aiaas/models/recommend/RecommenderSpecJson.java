package dev.aiaas.models.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link RecommenderSpec} as {@code recommender-spec.json} and reads it back. The
 * document carries a {@code format} name and reading refuses any other, and any field it does
 * not know, so a serving replica never builds tables from a spec it does not understand.
 */
public final class RecommenderSpecJson {

    /** The document format this class writes and reads. */
    public static final String FORMAT = "aiaas.recommender-spec/v1";

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private RecommenderSpecJson() {
    }

    /** The spec as a JSON document. */
    public static String write(RecommenderSpec spec) {
        try {
            return MAPPER.writeValueAsString(new Document(FORMAT, spec.dimension(), spec.users(), spec.items()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the recommender spec as JSON", e);
        }
    }

    /**
     * The spec written by {@link #write}.
     *
     * @throws IllegalArgumentException for malformed JSON, another format, or a spec that describes no recommender
     */
    public static RecommenderSpec read(String json) {
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a recommender spec document: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(document.format())) {
            throw new IllegalArgumentException("recommender spec format '" + document.format()
                    + "' is not the supported '" + FORMAT + "'");
        }
        return new RecommenderSpec(document.dimension(), document.users(), document.items());
    }

    record Document(String format, int dimension, int users, int items) {
    }
}
