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
            boolean regression = spec.task() == LabelTask.REGRESSION;
            return MAPPER.writeValueAsString(new Document(FORMAT, spec.family(), spec.inputShape(), spec.hiddenUnits(),
                    spec.outputs(), spec.classifier() ? null : spec.task(), regression ? spec.scaling() : null,
                    spec.anchor(), spec.threshold(), spec.vocabulary()));
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
                document.targetScaling() == null ? TargetScaling.NONE : document.targetScaling(),
                document.lastValueAnchor(), document.anomalyThreshold(), document.vocabulary());
    }

    /**
     * The JSON document. {@code task} is written for every model but a classifier, {@code targetScaling}
     * for regression models, {@code lastValueAnchor} for anchored forecasters and {@code anomalyThreshold}
     * for fitted anomaly detectors and {@code vocabulary} for text models, so the documents of
     * models that lack them are what they were before these existed; absent, a model learns its
     * family's task, unscaled, unanchored.
     * A reader that predates a field refuses a document that has it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String format, ModelFamily family, List<Integer> inputShape, List<Integer> hiddenUnits,
                    int outputs, LabelTask task, TargetScaling targetScaling, LastValueAnchor lastValueAnchor,
                    AnomalyThreshold anomalyThreshold, Vocabulary vocabulary) {
    }
}
