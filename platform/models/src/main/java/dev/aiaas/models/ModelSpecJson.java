package dev.aiaas.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiaas.ml.transform.LabelTask;
import java.util.List;

/**
 * Writes a {@link ModelSpec} as {@code model-spec.json} and reads it back. The document
 * carries a {@code format} name; reading refuses any other, so a serving replica never
 * builds a Block from a spec it does not understand.
 */
public final class ModelSpecJson {

    /** The document format this class writes and reads. */
    public static final String FORMAT = "aiaas.model-spec/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ModelSpecJson() {
    }

    /** The spec as a JSON document. */
    public static String write(ModelSpec spec) {
        try {
            boolean regression = !spec.classifier();
            return MAPPER.writeValueAsString(new Document(FORMAT, spec.family(), spec.inputShape(), spec.hiddenUnits(),
                    spec.outputs(), regression ? spec.task() : null, regression ? spec.scaling() : null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model spec as JSON", e);
        }
    }

    /**
     * The spec written by {@link #write}.
     *
     * @throws IllegalArgumentException for malformed JSON, another format, or a spec that describes no model
     */
    public static ModelSpec read(String json) {
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a model spec document: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(document.format())) {
            throw new IllegalArgumentException("model spec format '" + document.format() + "' is not the supported '"
                    + FORMAT + "'");
        }
        if (document.family() == null) {
            throw new IllegalArgumentException("the model spec names no family");
        }
        return new ModelSpec(document.family(), document.inputShape(), document.hiddenUnits(), document.outputs(),
                document.task() == null ? document.family().defaultTask() : document.task(),
                document.targetScaling() == null ? TargetScaling.NONE : document.targetScaling());
    }

    /**
     * The JSON document. {@code task} and {@code targetScaling} are written for regression models
     * only, so a classifier's document is what it was before they existed; absent, a model learns
     * its family's task, unscaled.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String format, ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits,
                    int outputs, LabelTask task, TargetScaling targetScaling) {
    }
}
