package dev.aiaas.serving.model;

import java.util.List;

/**
 * What a model answered for a request.
 *
 * @param probabilities row-major, {@code classes} per row
 * @param rawFeatures   the request's raw numeric features, row-major over {@code featureNames}
 *                      (NaN where not numeric), or null when the request sent prepared tensors
 */
public record InferenceOutcome(
        String modelName,
        long version,
        int rows,
        int classes,
        float[] probabilities,
        int[] predictedClasses,
        List<String> featureNames,
        double[] rawFeatures,
        ArtifactFile profile) {
}
