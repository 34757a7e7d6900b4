package dev.aiaas.ml.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.aiaas.ml.table.Table;

/**
 * A step with every parameter it learned on the training split. Applying it never
 * looks at the data to learn anything more, so train, test and a serving request are
 * transformed alike. Implementations are records whose components are the parameters,
 * written to JSON by {@link FittedPipelineJson} under the {@code type} names below.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FittedDropMissingLabel.class, name = "drop_missing_label"),
        @JsonSubTypes.Type(value = FittedImpute.class, name = "impute"),
        @JsonSubTypes.Type(value = FittedStandardize.class, name = "standardize"),
        @JsonSubTypes.Type(value = FittedOneHot.class, name = "one_hot"),
        @JsonSubTypes.Type(value = FittedScalePixels.class, name = "scale_pixels"),
        @JsonSubTypes.Type(value = FittedCyclicalTime.class, name = "cyclical_time"),
        @JsonSubTypes.Type(value = FittedTokenize.class, name = "tokenize")
})
public sealed interface FittedStep
        permits FittedDropMissingLabel, FittedImpute, FittedStandardize, FittedOneHot, FittedScalePixels,
        FittedCyclicalTime, FittedTokenize {

    /**
     * Transforms {@code table} with the fitted parameters.
     *
     * @throws IllegalArgumentException when a column the step was fitted on is missing or of another kind
     */
    Table apply(Table table);
}
