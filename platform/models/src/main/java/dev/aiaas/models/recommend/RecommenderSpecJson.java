package dev.aiaas.models.recommend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link RecommenderSpec} as {@code recommender-spec.json} and reads it back. The
 * document carries a {@code format} name and reading refuses any other, and any field it does
 * not know, so a serving replica never builds tables from a spec it does not understand.
 *
 * <p>A spec with shared ids adds {@code "entities"}; one without is written as before it existed,
 * so replicas that predate shared ids still read it, and a document without the field reads as
 * separate tables.
 */
public final class RecommenderSpecJson {

    /** The document format this class writes and reads. */
    public static final String FORMAT = "aiaas.recommender-spec/v1";

    private static final String ENTITIES = "entities";

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
            return MAPPER.writeValueAsString(new Document(FORMAT, spec.dimension(), spec.users(), spec.items(),
                    spec.sharedIds() ? spec.entities() : null));
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
            JsonNode tree = MAPPER.readTree(json);
            if (tree instanceof ObjectNode fields && !fields.has(ENTITIES)) {
                fields.putNull(ENTITIES);
            }
            document = MAPPER.treeToValue(tree, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a recommender spec document: " + e.getOriginalMessage(), e);
        }
        if (document == null) {
            throw new IllegalArgumentException("not a recommender spec document: expected a JSON object");
        }
        if (!FORMAT.equals(document.format())) {
            throw new IllegalArgumentException("recommender spec format '" + document.format()
                    + "' is not the supported '" + FORMAT + "'");
        }
        return new RecommenderSpec(document.dimension(), document.users(), document.items(),
                document.entities() == null ? 0 : document.entities());
    }

    /** @param entities null (and left out) for separate tables */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String format, int dimension, int users, int items, Integer entities) {
    }
}
