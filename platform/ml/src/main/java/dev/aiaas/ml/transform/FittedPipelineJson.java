package dev.aiaas.ml.transform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiaas.ml.sequence.WindowSpec;
import dev.aiaas.ml.table.ColumnSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a {@link FittedPipeline} as JSON with every fitted parameter, and reads it
 * back. Doubles are written with enough digits to parse back to the same bits, so a
 * round-tripped pipeline gives bit-identical features. The document carries a
 * {@code format} name; reading refuses any other.
 */
public final class FittedPipelineJson {

    /** The document format this class writes and reads. */
    public static final String FORMAT = "aiaas.fitted-pipeline/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private FittedPipelineJson() {
    }

    /** The pipeline as a JSON document. */
    public static String write(FittedPipeline pipeline) {
        Document document = new Document(FORMAT, pipeline.inputColumns(), pipeline.labelEncoding().orElse(null),
                pipeline.steps(), pipeline.featureNames(), pipeline.inputShape(), pipeline.window().orElse(null));
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the fitted pipeline as JSON", e);
        }
    }

    /**
     * The pipeline written by {@link #write}.
     *
     * @throws IllegalArgumentException for malformed JSON, another format, or parameters that do not hold together
     */
    public static FittedPipeline read(String json) {
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a fitted pipeline document: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(document.format())) {
            throw new IllegalArgumentException("fitted pipeline format '" + document.format()
                    + "' is not the supported '" + FORMAT + "'");
        }
        FeatureLayout layout = new FeatureLayout(document.featureNames(), document.inputShape());
        long width = Arrays.stream(document.inputShape()).asLongStream().reduce(1, (a, b) -> a * b);
        if (width != document.featureNames().size()) {
            throw new IllegalArgumentException("input shape " + Arrays.toString(document.inputShape())
                    + " does not hold " + document.featureNames().size() + " features");
        }
        return new FittedPipeline(document.inputs(), document.steps(), document.label(), layout, document.window());
    }

    /** The JSON document: one field per fitted parameter group; {@code window} only for sequence models. */
    record Document(String format, List<ColumnSpec> inputs, LabelEncoding label, List<FittedStep> steps,
                    List<String> featureNames, int[] inputShape,
                    @JsonInclude(JsonInclude.Include.NON_NULL) WindowSpec window) {
    }
}
