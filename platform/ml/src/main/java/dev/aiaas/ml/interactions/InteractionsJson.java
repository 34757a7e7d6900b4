package dev.aiaas.ml.interactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Writes {@link Interactions} with their {@link IdIndex} as {@code interactions.json} and reads
 * them back: what a saved recommender keeps so serving can map ids to rows and leave out the
 * items a user already has. The document carries a {@code format} name; reading refuses any
 * other, and any field it does not know.
 */
public final class InteractionsJson {

    /** The document format this class writes and reads. */
    public static final String FORMAT = "aiaas.recommender-interactions/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private InteractionsJson() {
    }

    /** The interactions and their index as a JSON document. */
    public static String write(Interactions interactions) {
        int size = interactions.size();
        int[] users = new int[size];
        int[] items = new int[size];
        float[] weights = new float[size];
        for (int n = 0; n < size; n++) {
            users[n] = interactions.user(n);
            items[n] = interactions.item(n);
            weights[n] = interactions.weight(n);
        }
        try {
            return MAPPER.writeValueAsString(new Document(FORMAT, interactions.index().userIds(),
                    interactions.index().itemIds(), users, items, weights));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the interactions as JSON", e);
        }
    }

    /**
     * The interactions written by {@link #write}.
     *
     * @throws IllegalArgumentException for malformed JSON, another format, or an inconsistent document
     */
    public static Interactions read(String json) {
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an interactions document: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(document.format())) {
            throw new IllegalArgumentException("interactions format '" + document.format() + "' is not the supported '"
                    + FORMAT + "'");
        }
        if (document.userIds() == null || document.itemIds() == null || document.users() == null
                || document.items() == null || document.weights() == null) {
            throw new IllegalArgumentException("an interactions document needs userIds, itemIds, users, items and "
                    + "weights");
        }
        return new Interactions(new IdIndex(document.userIds(), document.itemIds()), document.users(),
                document.items(), document.weights());
    }

    record Document(String format, List<String> userIds, List<String> itemIds, int[] users, int[] items,
                    float[] weights) {
    }
}
