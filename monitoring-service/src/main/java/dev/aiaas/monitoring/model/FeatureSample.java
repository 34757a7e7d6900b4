package dev.aiaas.monitoring.model;

import java.util.List;

/**
 * The raw input rows of one sampled request and what the model answered for them, with the
 * baseline profile of the model version that served them.
 *
 * @param id               its place in the store, ascending with arrival (0 before it is stored)
 * @param rows             the request's rows
 * @param features         numeric inputs, row-major, {@code featureNames.size()} values per row (NaN: missing)
 * @param categorical      categorical inputs, row-major, {@code categoricalNames.size()} per row (null: missing)
 * @param predictedClasses a classifier's class per row; empty for other models
 * @param predictedValues  another model's answers, row-major; empty for a classifier
 */
public record FeatureSample(
        long id,
        String endpoint,
        String modelName,
        long modelVersion,
        int rows,
        List<String> featureNames,
        double[] features,
        List<String> categoricalNames,
        String[] categorical,
        int[] predictedClasses,
        float[] predictedValues,
        String profileKey,
        String profileSha256) {

    /** Whether the sample holds what the model answered. */
    public boolean answered() {
        return predictedClasses.length > 0 || predictedValues.length > 0;
    }
}
