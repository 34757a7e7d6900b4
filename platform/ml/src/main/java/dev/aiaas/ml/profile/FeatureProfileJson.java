package dev.aiaas.ml.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * Writes a {@link FeatureProfile} as JSON and reads it back unchanged (doubles keep
 * their exact bits; NaN, for a column with no values, is written as the string "NaN").
 */
public final class FeatureProfileJson {

    /** The document format this class writes and reads. */
    public static final String FORMAT = "aiaas.feature-profile/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private FeatureProfileJson() {
    }

    /** The profile as a JSON document. */
    public static String write(FeatureProfile profile) {
        try {
            return MAPPER.writeValueAsString(
                    new Document(FORMAT, profile.rowCount(), profile.numeric(), profile.categorical()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the feature profile as JSON", e);
        }
    }

    /**
     * The profile written by {@link #write}.
     *
     * @throws IllegalArgumentException for malformed JSON or another format
     */
    public static FeatureProfile read(String json) {
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a feature profile document: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(document.format())) {
            throw new IllegalArgumentException("feature profile format '" + document.format()
                    + "' is not the supported '" + FORMAT + "'");
        }
        return new FeatureProfile(document.rowCount(), document.numeric(), document.categorical());
    }

    /** The JSON document. */
    record Document(String format, long rowCount, List<NumericFeatureProfile> numeric,
                    List<CategoricalFeatureProfile> categorical) {
    }
}
