package dev.aiaas.ml.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link FeatureProfile} as JSON and reads it back unchanged (doubles keep
 * their exact bits; NaN, for a column with no values, is written as the string "NaN").
 * Version 2 added the numeric percentiles and the categorical {@code other} bucket; a
 * version 1 document still reads, without percentiles and with every category listed.
 */
public final class FeatureProfileJson {

    /** The document format this class writes. */
    public static final String FORMAT = "aiaas.feature-profile/v2";

    /** The formats this class reads: the one it writes and the one before. */
    private static final Set<String> READABLE = Set.of("aiaas.feature-profile/v1", FORMAT);

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
                    new Document(FORMAT, profile.rowCount(), profile.numeric(),
                            profile.categorical().stream().map(Categorical::of).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the feature profile as JSON", e);
        }
    }

    /**
     * The profile written by {@link #write}, or by its version 1.
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
        if (!READABLE.contains(document.format())) {
            throw new IllegalArgumentException("feature profile format '" + document.format()
                    + "' is not the supported '" + FORMAT + "'");
        }
        return new FeatureProfile(document.rowCount(), document.numeric(),
                document.categorical().stream().map(Categorical::profile).toList());
    }

    /** The JSON document. */
    record Document(String format, long rowCount, List<NumericFeatureProfile> numeric,
                    List<Categorical> categorical) {
    }

    /** A categorical profile in the document: {@code other} is absent from version 1, where it was 0. */
    record Categorical(String name, long count, long missing, Map<String, Double> frequencies, Double other) {

        static Categorical of(CategoricalFeatureProfile profile) {
            return new Categorical(profile.name(), profile.count(), profile.missing(), profile.frequencies(),
                    profile.other());
        }

        CategoricalFeatureProfile profile() {
            return new CategoricalFeatureProfile(name, count, missing, frequencies, other == null ? 0 : other);
        }
    }
}
